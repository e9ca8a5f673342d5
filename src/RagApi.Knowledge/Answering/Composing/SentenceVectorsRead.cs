using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;

namespace RagApi.Knowledge.Answering.Composing;

/// <summary>
/// The store as one answer sees it once its passages' sentence vectors are read: sentence selection asks the store
/// for them, and this view hands over the vectors already read instead of reading them a second time. Asked for a
/// chunk it was not asked for, it reads from the store; everything else goes to the store.
/// </summary>
/// <param name="asked">The chunks the vectors were read for: one the store did not have is absent from <paramref name="read"/> too.</param>
internal sealed class SentenceVectorsRead(IKnowledgeStore store, IReadOnlySet<string> asked, IReadOnlyDictionary<string, float[][]> read) : IKnowledgeStore
{
    public Task<IReadOnlyDictionary<string, float[][]>> GetSentenceVectorsAsync(IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken) =>
        chunkIds.All(asked.Contains)
            ? Task.FromResult<IReadOnlyDictionary<string, float[][]>>(chunkIds.Where(read.ContainsKey).Distinct(StringComparer.Ordinal)
                .ToDictionary(id => id, id => read[id], StringComparer.Ordinal))
            : store.GetSentenceVectorsAsync(chunkIds, cancellationToken);

    public Task EnsureEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken) =>
        store.EnsureEmbeddingModelAsync(modelId, dimensions, cancellationToken);

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => store.GetStatisticsAsync(cancellationToken);

    public Task<ModelCalibration?> GetCalibrationAsync(CancellationToken cancellationToken) => store.GetCalibrationAsync(cancellationToken);

    public Task SaveCalibrationAsync(ModelCalibration calibration, CancellationToken cancellationToken) =>
        store.SaveCalibrationAsync(calibration, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken) => store.GetContentHashesAsync(cancellationToken);

    public Task ReplaceDocumentAsync(IndexedDocument document, CancellationToken cancellationToken) => store.ReplaceDocumentAsync(document, cancellationToken);

    public Task DeleteDocumentsAsync(IReadOnlyCollection<string> documentIds, CancellationToken cancellationToken) =>
        store.DeleteDocumentsAsync(documentIds, cancellationToken);

    public Task<IReadOnlyList<RetrievedPassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken) => store.SearchAsync(query, cancellationToken);

    public Task<StoredDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken) => store.GetDocumentAsync(documentId, cancellationToken);
}
