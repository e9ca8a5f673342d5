using Grpc.Core;
using Polly;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace RagApi.Knowledge.Storage.Qdrant;

/// <summary>
/// The store that scales out: one Qdrant collection (sharded and replicated by the cluster) holding chunk points
/// with a dense and a BM25 sparse vector, searched with the Query API. Every call runs through
/// <see cref="QdrantCalls"/>; an unreachable Qdrant surfaces as <see cref="KnowledgeStoreUnavailableException"/>.
/// </summary>
/// <remarks>
/// Collection and index creation run through <paramref name="adminPipeline"/> (made from the options when left out),
/// whose timeout is <see cref="QdrantResilienceOptions.AdminTimeout"/>: each call's limit is its pipeline's timeout,
/// which cancels the gRPC call, so the client carries no deadline of its own.
/// </remarks>
internal sealed class QdrantKnowledgeStore(
    QdrantClient client,
    QdrantStoreOptions options,
    ResiliencePipeline pipeline,
    ResiliencePipeline? adminPipeline = null) : IKnowledgeStore
{
    private const int UpsertBatch = 64;
    private const uint ScrollPage = 256;
    private readonly QdrantCalls _calls = new(pipeline, options);
    private readonly QdrantCollectionBinding _binding = new(client, options,
        new QdrantCalls(pipeline, options), new QdrantCalls(adminPipeline ?? QdrantResilience.BuildAdmin(options.Resilience, TimeProvider.System), options));

    private string Collection => options.Collection;

    /// <summary>A client for <see cref="QdrantStoreOptions.Endpoint"/>; every call's limit comes from the pipeline it runs in.</summary>
    public static QdrantClient CreateClient(QdrantStoreOptions options) =>
        new(new Uri(options.Endpoint), string.IsNullOrEmpty(options.ApiKey) ? null : options.ApiKey);

    public Task EnsureEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken) =>
        _binding.EnsureAsync(modelId, dimensions, cancellationToken);

    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        var info = await _binding.InfoAsync(cancellationToken);
        if (info is null) return new StoreStatistics(0, 0, null, null);
        var documents = await _calls.RunAsync("count documents", t => client.CountAsync(Collection, QdrantFilters.Documents(), exact: true, cancellationToken: t), cancellationToken);
        var chunks = await _calls.RunAsync("count chunks", t => client.CountAsync(Collection, QdrantFilters.ForChunks(SearchFilters.None), exact: true, cancellationToken: t), cancellationToken);
        var (model, boundDimensions) = QdrantCollectionLayout.BoundModel(info);
        return new StoreStatistics((int)documents, (int)chunks, model, boundDimensions);
    }

    public async Task<ModelCalibration?> GetCalibrationAsync(CancellationToken cancellationToken) =>
        await _binding.InfoAsync(cancellationToken) is { } info ? QdrantCollectionLayout.Calibration(info) : null;

    public async Task SaveCalibrationAsync(ModelCalibration calibration, CancellationToken cancellationToken)
    {
        var info = await _binding.InfoAsync(cancellationToken);
        var (model, _) = info is null ? (null, null) : QdrantCollectionLayout.BoundModel(info);
        if (model != calibration.ModelId) throw new EmbeddingModelMismatchException(model ?? "(none)", 0, calibration.ModelId, 0);
        await _binding.UpdateMetadataAsync("record the calibration", QdrantCollectionLayout.Metadata(calibration), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        var records = await ScrollAsync(QdrantFilters.Documents(), new WithPayloadSelector
        {
            Include = new PayloadIncludeSelector { Fields = { QdrantPayload.DocumentId, QdrantPayload.ContentHash } },
        }, cancellationToken);
        foreach (var record in records) hashes[record.Payload[QdrantPayload.DocumentId].StringValue] = record.Payload[QdrantPayload.ContentHash].StringValue;
        return hashes;
    }

    /// <summary>
    /// The document record goes first and comes back last: until the new chunks are in and the stale ones gone,
    /// the document has no content hash, so a run killed midway is redone on the next run instead of skipped.
    /// </summary>
    public async Task ReplaceDocumentAsync(IndexedDocument document, CancellationToken cancellationToken)
    {
        var id = document.Metadata.Id;
        await _calls.RunAsync("remove document record", t => client.DeleteAsync(Collection, QdrantPointIds.ForDocument(id), cancellationToken: t), cancellationToken);
        var points = document.Chunks.Select(QdrantPoints.ForChunk).ToList();
        foreach (var batch in points.Chunk(UpsertBatch))
            await _calls.RunAsync("write chunks", t => client.UpsertAsync(Collection, batch, cancellationToken: t), cancellationToken);
        var current = points.Select(p => Guid.Parse(p.Id.Uuid)).ToList();
        await _calls.RunAsync("remove stale chunks", t => client.DeleteAsync(Collection, QdrantFilters.StaleChunksOf(id, current), cancellationToken: t), cancellationToken);
        await _calls.RunAsync("write document record", t => client.UpsertAsync(Collection, [QdrantPoints.ForDocument(document)], cancellationToken: t), cancellationToken);
    }

    public async Task DeleteDocumentsAsync(IReadOnlyCollection<string> documentIds, CancellationToken cancellationToken)
    {
        if (documentIds.Count == 0) return;
        await _calls.RunAsync("remove documents", t => client.DeleteAsync(Collection, QdrantFilters.AllOf(documentIds), cancellationToken: t), cancellationToken);
    }

    public async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken)
    {
        var requests = QdrantSearch.Requests(Collection, query);
        if (requests.Count == 0) return [];
        var results = await OrEmptyWhenMissing(_calls.RunAsync("search", t => client.QueryBatchAsync(Collection, requests, cancellationToken: t), cancellationToken));
        return results is null ? [] : QdrantSearch.Passages(query, results);
    }

    public async Task<StoredDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        var points = await ScrollAsync(QdrantFilters.ChunksOf(documentId), QdrantSearch.WithoutSentenceVectors(), cancellationToken);
        var chunks = points.Select(p => QdrantPayload.ReadChunk(p.Payload)).OrderBy(c => c.Ordinal).ToList();
        return chunks.Count == 0 ? null : new StoredDocument(chunks[0].Document, chunks);
    }

    public async Task<IReadOnlyDictionary<string, float[][]>> GetSentenceVectorsAsync(IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken)
    {
        var vectors = new Dictionary<string, float[][]>(StringComparer.Ordinal);
        if (chunkIds.Count == 0) return vectors;
        var ids = chunkIds.Select(id => new PointId { Uuid = QdrantPointIds.ForChunk(id).ToString() }).ToList();
        var selector = new WithPayloadSelector
        {
            Include = new PayloadIncludeSelector { Fields = { QdrantPayload.ChunkId, QdrantPayload.Sentences, QdrantPayload.SentenceVectors } },
        };
        var points = await OrEmptyWhenMissing(_calls.RunAsync("read sentence vectors",
            t => client.RetrieveAsync(Collection, ids, selector, new WithVectorsSelector { Enable = false }, cancellationToken: t), cancellationToken));
        foreach (var point in points ?? []) vectors[point.Payload[QdrantPayload.ChunkId].StringValue] = QdrantPayload.ReadSentenceVectors(point.Payload);
        return vectors;
    }

    private async Task<IReadOnlyList<RetrievedPoint>> ScrollAsync(Filter filter, WithPayloadSelector payload, CancellationToken cancellationToken)
    {
        var points = new List<RetrievedPoint>();
        PointId? offset = null;
        do
        {
            var page = await OrEmptyWhenMissing(_calls.RunAsync("scroll",
                t => client.ScrollAsync(Collection, filter, ScrollPage, offset, payload, new WithVectorsSelector { Enable = false }, cancellationToken: t), cancellationToken));
            if (page is null) break;
            points.AddRange(page.Result);
            offset = page.NextPageOffset;
        } while (offset is not null);
        return points;
    }

    /// <summary>A collection that does not exist yet reads as an empty store, as a new SQLite file does.</summary>
    private static async Task<T?> OrEmptyWhenMissing<T>(Task<T> call) where T : class
    {
        try
        {
            return await call;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
