using RagApi.Knowledge.Storage.Embedded;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Store;

public sealed class SqliteKnowledgeStoreSentenceVectorTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private SqliteKnowledgeStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task GetSentenceVectors_ReturnsOneVectorPerSentenceInSentenceOrder()
    {
        await Store.EnsureEmbeddingModelAsync(new FakeEmbedder().ModelId, FakeEmbedder.Size, _ct);
        var document = IndexedDocuments.Build("lems", "LEMS is rare. It causes weakness. Is SCLC present?", "One sentence only.");
        await Store.ReplaceDocumentAsync(document, _ct);

        var vectors = await Store.GetSentenceVectorsAsync(["lems#000", "lems#001"], _ct);

        Assert.Equal(
            document.Chunks.ToDictionary(c => c.Chunk.ChunkId, c => c.SentenceVectors),
            vectors.ToDictionary());
    }

    [Fact]
    public async Task GetSentenceVectors_UnknownChunkIds_AreLeftOut()
    {
        await Store.EnsureEmbeddingModelAsync(new FakeEmbedder().ModelId, FakeEmbedder.Size, _ct);
        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", "LEMS is rare. It causes weakness."), _ct);

        var vectors = await Store.GetSentenceVectorsAsync(["lems#000", "nothing#000"], _ct);

        Assert.Equal(["lems#000"], vectors.Keys);
    }

    [Fact]
    public async Task GetSentenceVectors_NoChunkIds_ReturnsNothing()
    {
        await Store.EnsureEmbeddingModelAsync(new FakeEmbedder().ModelId, FakeEmbedder.Size, _ct);
        await Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", "LEMS is rare."), _ct);

        Assert.Empty(await Store.GetSentenceVectorsAsync([], _ct));
    }
}
