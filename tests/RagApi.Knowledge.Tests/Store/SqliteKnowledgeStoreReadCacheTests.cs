using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Embedded;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Store;

/// <summary>Chunks and sentence vectors read once are served again from memory, and never after the file changed.</summary>
public sealed class SqliteKnowledgeStoreReadCacheTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private SqliteKnowledgeStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    private async Task<string> SearchTextAsync(SqliteKnowledgeStore store, string query) =>
        (await store.SearchAsync(new PassageQuery(query, FakeEmbedder.Embed(query), SearchFilters.None, 5), _ct)).Single().Chunk.Text;

    [Fact]
    public async Task A_passage_read_again_is_the_same_chunk_object()
    {
        await Store.EnsureEmbeddingModelAsync(new FakeEmbedder().ModelId, FakeEmbedder.Size, _ct);
        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", "LEMS causes proximal weakness."), _ct);
        var query = new PassageQuery("proximal weakness", FakeEmbedder.Embed("proximal weakness"), SearchFilters.None, 5);

        var first = (await Store.SearchAsync(query, _ct)).Single().Chunk;
        var second = (await Store.SearchAsync(query, _ct)).Single().Chunk;

        Assert.Same(first, second);
    }

    [Fact]
    public async Task A_document_replaced_after_it_was_read_is_searched_as_replaced()
    {
        await Store.EnsureEmbeddingModelAsync(new FakeEmbedder().ModelId, FakeEmbedder.Size, _ct);
        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", "LEMS causes proximal weakness."), _ct);
        await SearchTextAsync(Store, "proximal weakness");

        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", "LEMS causes proximal weakness of the legs."), _ct);

        Assert.Equal("LEMS causes proximal weakness of the legs.", await SearchTextAsync(Store, "proximal weakness"));
    }

    [Fact]
    public async Task A_document_replaced_by_another_process_on_the_same_file_is_searched_as_replaced()
    {
        await Store.EnsureEmbeddingModelAsync(new FakeEmbedder().ModelId, FakeEmbedder.Size, _ct);
        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", "LEMS causes proximal weakness."), _ct);
        await SearchTextAsync(Store, "proximal weakness");
        // The indexer writing beside a running API: another store object on the same file.
        var indexer = new SqliteKnowledgeStore(_temp.Path);

        await indexer.ReplaceDocumentAsync(IndexedDocuments.Build("lems", "LEMS causes proximal weakness of the legs."), _ct);

        Assert.Equal("LEMS causes proximal weakness of the legs.", await SearchTextAsync(Store, "proximal weakness"));
    }

    [Fact]
    public async Task Sentence_vectors_read_before_a_document_is_replaced_are_read_afresh_after()
    {
        await Store.EnsureEmbeddingModelAsync(new FakeEmbedder().ModelId, FakeEmbedder.Size, _ct);
        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", "LEMS is rare."), _ct);
        await Store.GetSentenceVectorsAsync(["lems#000"], _ct);
        var replaced = IndexedDocuments.Build("lems", "LEMS is rare. It causes weakness.");

        await new SqliteKnowledgeStore(_temp.Path).ReplaceDocumentAsync(replaced, _ct);

        Assert.Equal(replaced.Chunks[0].SentenceVectors, (await Store.GetSentenceVectorsAsync(["lems#000"], _ct))["lems#000"]);
    }
}
