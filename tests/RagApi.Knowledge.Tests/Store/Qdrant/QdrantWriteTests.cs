using Grpc.Core;
using Qdrant.Client.Grpc;
using RagApi.Knowledge.Storage.Qdrant;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Store.Qdrant;

/// <summary>Idempotent writes, seen as the requests the store sends.</summary>
public sealed class QdrantWriteTests
{
    private readonly QdrantHarness _qdrant = new QdrantHarness().Healthy();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private static readonly RagApi.Knowledge.Storage.IndexedDocument Lems = IndexedDocuments.Build("lems", "Amifampridine improves strength.", "Prednisone is added when needed.");

    private IReadOnlyList<string> Writes() => _qdrant.Server.Calls
        .Where(c => c.Method is "Points/Upsert" or "Points/Delete")
        .Select(c => c.Request switch
        {
            UpsertPoints upsert => $"upsert {string.Join(",", upsert.Points.Select(p => p.Payload[QdrantPayload.Record].StringValue))}",
            DeletePoints { Points.Points: not null } delete => $"delete {delete.Points.Points.Ids.Count} id(s)",
            DeletePoints => "delete by filter",
            _ => "?",
        }).ToList();

    [Fact]
    public async Task ReplaceDocument_RemovesTheDocumentRecordFirstAndWritesItLast()
    {
        await _qdrant.Store.ReplaceDocumentAsync(Lems, _ct);

        Assert.Equal(["delete 1 id(s)", "upsert chunk,chunk", "delete by filter", "upsert document"], Writes());
    }

    [Fact]
    public async Task ReplaceDocument_WritesEachChunkUnderItsDeterministicId()
    {
        await _qdrant.Store.ReplaceDocumentAsync(Lems, _ct);

        var written = _qdrant.Server.Requests<UpsertPoints>("Points/Upsert")[0].Points.Select(p => p.Id.Uuid);
        Assert.Equal(Lems.Chunks.Select(c => QdrantPointIds.ForChunk(c.Chunk.ChunkId).ToString()), written);
    }

    [Fact]
    public async Task ReplaceDocument_WaitsForEachWriteToBeApplied()
    {
        await _qdrant.Store.ReplaceDocumentAsync(Lems, _ct);

        Assert.All(_qdrant.Server.Requests<UpsertPoints>("Points/Upsert"), upsert => Assert.True(upsert.Wait));
    }

    [Fact]
    public async Task ReplaceDocument_DeletesTheDocumentsOtherChunksButNotTheOnesJustWritten()
    {
        await _qdrant.Store.ReplaceDocumentAsync(Lems, _ct);

        var stale = _qdrant.Server.Requests<DeletePoints>("Points/Delete").Single(d => d.Points.Filter is not null).Points.Filter;
        Assert.Equal(
            ["lems", .. Lems.Chunks.Select(c => QdrantPointIds.ForChunk(c.Chunk.ChunkId).ToString())],
            [stale.Must[1].Field.Match.Keyword, .. stale.MustNot.Single().HasId.HasId.Select(id => id.Uuid)]);
    }

    [Fact]
    public async Task ReplaceDocument_FailingMidway_NeverWritesTheContentHash_SoTheNextRunRedoesIt()
    {
        _qdrant.Server.Answer = (method, request) => method == "Points/Upsert"
            ? throw FakeQdrant.Fault(StatusCode.InvalidArgument, "payload too large")
            : QdrantAnswers.Healthy(method, QdrantHarness.Model, FakeEmbedder.Size);

        await Assert.ThrowsAsync<RpcException>(() => _qdrant.Store.ReplaceDocumentAsync(Lems, _ct));

        Assert.Equal(["delete 1 id(s)", "upsert chunk,chunk"], Writes());
    }

    [Fact]
    public async Task DeleteDocuments_RemovesEveryPointOfThoseDocuments()
    {
        await _qdrant.Store.DeleteDocumentsAsync(["lems", "mg"], _ct);

        var filter = _qdrant.Server.Requests<DeletePoints>("Points/Delete").Single().Points.Filter;
        Assert.Equal("document_id in lems,mg", $"{filter.Must.Single().Field.Key} in {string.Join(",", filter.Must.Single().Field.Match.Keywords.Strings)}");
    }

    [Fact]
    public async Task DeleteDocuments_NoIds_SendsNothing()
    {
        await _qdrant.Store.DeleteDocumentsAsync([], _ct);

        Assert.Empty(_qdrant.Server.Calls);
    }

    [Fact]
    public async Task GetContentHashes_ReadsEveryDocumentRecordAcrossPages()
    {
        var pages = new Queue<ScrollResponse>([Page("lems", "h1", next: QdrantPointIds.ForDocument("mg")), Page("mg", "h2", next: null)]);
        _qdrant.Server.Answer = (method, _) => method == "Points/Scroll" ? pages.Dequeue() : throw FakeQdrant.Fault(StatusCode.Unimplemented, method);

        var hashes = await _qdrant.Store.GetContentHashesAsync(_ct);

        Assert.Equal(new Dictionary<string, string> { ["lems"] = "h1", ["mg"] = "h2" }, hashes);
    }

    [Fact]
    public async Task GetContentHashes_NoCollectionYet_IsEmpty()
    {
        _qdrant.Server.Answer = (method, _) => throw FakeQdrant.Fault(StatusCode.NotFound, "Collection `passages` doesn't exist!");

        Assert.Empty(await _qdrant.Store.GetContentHashesAsync(_ct));
    }

    private static ScrollResponse Page(string documentId, string hash, Guid? next)
    {
        var record = new RetrievedPoint { Id = QdrantPointIds.ForDocument(documentId) };
        record.Payload[QdrantPayload.DocumentId] = documentId;
        record.Payload[QdrantPayload.ContentHash] = hash;
        var page = new ScrollResponse { Result = { record } };
        if (next is { } offset) page.NextPageOffset = offset;
        return page;
    }
}
