using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Embedded;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Store;

public sealed class SqliteKnowledgeStoreWriteTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private SqliteKnowledgeStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    private async Task<IReadOnlyList<string>> LexicalHitsAsync(string query) =>
        (await Store.SearchAsync(new PassageQuery(query, [], SearchFilters.None, 10, SearchMode.Lexical), _ct)).Select(p => p.Chunk.ChunkId).ToList();

    private async Task BindAsync() => await Store.EnsureEmbeddingModelAsync(new FakeEmbedder().ModelId, FakeEmbedder.Size, _ct);

    private static readonly string[] ThreeChunks = ["Amifampridine improves strength.", "Prednisone is added when needed.", "Tumour screening uses CT."];

    [Fact]
    public async Task ReplaceDocument_Twice_LeavesOneCopyOfItsChunks()
    {
        await BindAsync();
        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", ThreeChunks), _ct);

        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", ThreeChunks), _ct);

        var statistics = await Store.GetStatisticsAsync(_ct);
        Assert.Equal((1, 3), (statistics.Documents, statistics.Chunks));
    }

    [Fact]
    public async Task ReplaceDocument_Twice_LeavesOneFullTextRowPerChunk()
    {
        await BindAsync();
        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", ThreeChunks), _ct);

        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", ThreeChunks), _ct);

        Assert.Equal(3, _temp.CountFullTextRows());
    }

    [Fact]
    public async Task ReplaceDocument_WithFewerChunks_NoLongerFindsTheDroppedText()
    {
        await BindAsync();
        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", ThreeChunks), _ct);

        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", "Amifampridine improves strength."), _ct);

        Assert.Empty(await LexicalHitsAsync("tumour screening"));
    }

    [Fact]
    public async Task ReplaceDocument_RecordsItsContentHash()
    {
        await BindAsync();
        var document = IndexedDocuments.Build("lems", ThreeChunks);

        await Store.ReplaceDocumentAsync(document, _ct);

        Assert.Equal(new Dictionary<string, string> { ["lems"] = document.ContentHash }, await Store.GetContentHashesAsync(_ct));
    }

    [Fact]
    public async Task GetDocument_ReturnsTheChunksAsWrittenInOrdinalOrder()
    {
        await BindAsync();
        var document = IndexedDocuments.Build("lems", ThreeChunks);
        await Store.ReplaceDocumentAsync(document, _ct);

        var stored = await Store.GetDocumentAsync("lems", _ct);

        Assert.Equal(
            document.Chunks.Select(c => (c.Chunk.ChunkId, c.Chunk.Ordinal, c.Chunk.SectionPath, c.Chunk.Text, string.Join(';', c.Chunk.Sentences), c.Chunk.Document)),
            stored!.Chunks.Select(c => (c.ChunkId, c.Ordinal, c.SectionPath, c.Text, string.Join(';', c.Sentences), c.Document)));
    }

    [Fact]
    public async Task GetDocument_UnknownId_ReturnsNull()
    {
        await BindAsync();

        Assert.Null(await Store.GetDocumentAsync("nothing", _ct));
    }

    [Fact]
    public async Task DeleteDocuments_RemovesTheDocumentAndItsChunks()
    {
        await BindAsync();
        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", ThreeChunks), _ct);
        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("mg", "Pyridostigmine is first-line."), _ct);

        await Store.DeleteDocumentsAsync(["lems"], _ct);

        var statistics = await Store.GetStatisticsAsync(_ct);
        Assert.Equal((1, 1), (statistics.Documents, statistics.Chunks));
    }

    [Fact]
    public async Task DeleteDocuments_RemovesTheFullTextRowsSoLexicalSearchNoLongerFindsThem()
    {
        await BindAsync();
        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", ThreeChunks), _ct);
        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("mg", "Pyridostigmine is first-line."), _ct);

        await Store.DeleteDocumentsAsync(["lems"], _ct);

        Assert.Equal((0, 1L), ((await LexicalHitsAsync("amifampridine prednisone tumour")).Count, _temp.CountFullTextRows()));
    }

    [Fact]
    public async Task DeleteDocuments_ThenNewDocument_DeletedTextDoesNotResurfaceUnderReusedRowIds()
    {
        await BindAsync();
        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", ThreeChunks), _ct);
        await Store.DeleteDocumentsAsync(["lems"], _ct);

        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("mg", "Pyridostigmine is first-line.", "Thymectomy helps.", "Eculizumab is an option."), _ct);

        Assert.Empty(await LexicalHitsAsync("amifampridine"));
    }

    [Fact]
    public async Task DeleteDocuments_UnknownId_ChangesNothing()
    {
        await BindAsync();
        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", ThreeChunks), _ct);

        await Store.DeleteDocumentsAsync(["nothing"], _ct);

        Assert.Equal(3, (await Store.GetStatisticsAsync(_ct)).Chunks);
    }

    [Fact]
    public async Task Search_AfterAReplace_UsesTheNewVectors()
    {
        await BindAsync();
        var query = IndexedDocuments.Direction(1, 0);
        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("a", DocumentKind.Research, 2020, ("Old text.", IndexedDocuments.Direction(0, 1))), _ct);
        await Store.SearchAsync(new PassageQuery("", query, SearchFilters.None, 5, SearchMode.Dense), _ct);

        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("a", DocumentKind.Research, 2020, ("New text.", query)), _ct);

        var passage = Assert.Single(await Store.SearchAsync(new PassageQuery("", query, SearchFilters.None, 5, SearchMode.Dense), _ct));
        Assert.Equal(("New text.", 1f), (passage.Chunk.Text, MathF.Round(passage.Scores.Dense!.Value, 4)));
    }

    [Fact]
    public async Task Search_FromASecondStoreOnTheSameFile_SeesTheFirstStoresLaterWrites()
    {
        await BindAsync();
        var reader = new SqliteKnowledgeStore(_temp.Path);
        await reader.SearchAsync(new PassageQuery("", IndexedDocuments.Direction(1, 0), SearchFilters.None, 5, SearchMode.Dense), _ct);

        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("a", "Amifampridine improves strength."), _ct);

        Assert.Single(await reader.SearchAsync(new PassageQuery("", IndexedDocuments.Direction(1, 0), SearchFilters.None, 5, SearchMode.Dense), _ct));
    }
}
