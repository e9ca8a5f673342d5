using System.Diagnostics;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Telemetry;

namespace RagApi.Knowledge.Storage;

/// <summary>Wraps any store so each call is a span and a <c>ragapi.store.duration</c> measurement with its outcome.</summary>
internal sealed class InstrumentedKnowledgeStore(IKnowledgeStore inner, string provider, KnowledgeMetrics metrics) : IKnowledgeStore
{
    public Task EnsureEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken) =>
        TimeAsync("ensure_model", async () => { await inner.EnsureEmbeddingModelAsync(modelId, dimensions, cancellationToken); return true; });

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) =>
        TimeAsync("statistics", () => inner.GetStatisticsAsync(cancellationToken));

    public Task<ModelCalibration?> GetCalibrationAsync(CancellationToken cancellationToken) =>
        TimeAsync("calibration", () => inner.GetCalibrationAsync(cancellationToken));

    public Task SaveCalibrationAsync(ModelCalibration calibration, CancellationToken cancellationToken) =>
        TimeAsync("save_calibration", async () => { await inner.SaveCalibrationAsync(calibration, cancellationToken); return true; });

    public Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken) =>
        TimeAsync("content_hashes", () => inner.GetContentHashesAsync(cancellationToken));

    public Task ReplaceDocumentAsync(IndexedDocument document, CancellationToken cancellationToken) =>
        TimeAsync("replace_document", async () => { await inner.ReplaceDocumentAsync(document, cancellationToken); return true; });

    public Task DeleteDocumentsAsync(IReadOnlyCollection<string> documentIds, CancellationToken cancellationToken) =>
        TimeAsync("delete_documents", async () => { await inner.DeleteDocumentsAsync(documentIds, cancellationToken); return true; });

    public Task<IReadOnlyList<RetrievedPassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken) =>
        TimeAsync("search", () => inner.SearchAsync(query, cancellationToken));

    public Task<StoredDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken) =>
        TimeAsync("get_document", () => inner.GetDocumentAsync(documentId, cancellationToken));

    public Task<IReadOnlyDictionary<string, float[][]>> GetSentenceVectorsAsync(IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken) =>
        TimeAsync("sentence_vectors", () => inner.GetSentenceVectorsAsync(chunkIds, cancellationToken));

    private Task<T> TimeAsync<T>(string operation, Func<Task<T>> call) =>
        KnowledgeMetrics.MeasureAsync($"store {operation}", metrics.StoreDuration, new TagList { { "operation", operation }, { "provider", provider } },
            _ => call(), ActivityKind.Client);
}
