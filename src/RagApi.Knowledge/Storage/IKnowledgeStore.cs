using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Knowledge.Storage;

/// <summary>
/// Where passages live: the embedded SQLite file by default, Qdrant when one machine is not enough.
/// Writes replace a whole document at once; a store built with one embedding model refuses another.
/// </summary>
public interface IKnowledgeStore
{
    /// <summary>Binds an empty store to the model, or throws <see cref="EmbeddingModelMismatchException"/>.</summary>
    Task EnsureEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken);

    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken);

    /// <summary>The thresholds calibrated for the bound model, or null when none were stored.</summary>
    Task<ModelCalibration?> GetCalibrationAsync(CancellationToken cancellationToken);

    /// <summary>Stores the thresholds with the model binding; the store must be bound to <see cref="ModelCalibration.ModelId"/>.</summary>
    Task SaveCalibrationAsync(ModelCalibration calibration, CancellationToken cancellationToken);

    /// <summary>Content hash of every stored document, by document id.</summary>
    Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken);

    Task ReplaceDocumentAsync(IndexedDocument document, CancellationToken cancellationToken);

    Task DeleteDocumentsAsync(IReadOnlyCollection<string> documentIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<RetrievedPassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken);

    Task<StoredDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>The stored vector of every sentence of each chunk, in sentence order.</summary>
    Task<IReadOnlyDictionary<string, float[][]>> GetSentenceVectorsAsync(IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken);
}

public sealed record StoreStatistics(int Documents, int Chunks, string? EmbeddingModel, int? Dimensions);

public sealed record IndexedChunk(Chunk Chunk, float[] Vector, float[][] SentenceVectors);

public sealed record IndexedDocument(DocumentMetadata Metadata, string ContentHash, IReadOnlyList<IndexedChunk> Chunks);

public sealed record StoredDocument(DocumentMetadata Metadata, IReadOnlyList<Chunk> Chunks);
