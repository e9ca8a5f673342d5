using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Embedded;

namespace RagApi.Testing;

/// <summary>
/// The real embedder and embedded store behind decorators that count every call by name (texts embedded included),
/// so a test can pin how much work one request does.
/// </summary>
internal sealed class CountingKnowledge(string storePath, ITextEmbedder embedder)
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    /// <summary>Calls since the last <see cref="Reset"/>, by member ("EmbedAsync", "EmbeddedTexts", "SearchAsync", ...).</summary>
    public IReadOnlyDictionary<string, int> Calls => new SortedDictionary<string, int>(_calls, StringComparer.Ordinal);

    public void Reset() => _calls.Clear();

    /// <summary>Counts from here on: the start-up work (seeding check, thresholds) is done before the request and not counted.</summary>
    public async Task ResetOnceReadyAsync(RagApiApplication app)
    {
        using var ready = await app.GetAsync("/health/ready");
        ready.EnsureSuccessStatusCode();
        Reset();
    }

    /// <summary>Calls in the shape of <see cref="Calls"/>, for comparing with it.</summary>
    public static SortedDictionary<string, int> Expected(params (string Member, int Calls)[] calls) =>
        new(calls.ToDictionary(c => c.Member, c => c.Calls), StringComparer.Ordinal);

    public void RegisterIn(IServiceCollection services)
    {
        services.RemoveAll<ITextEmbedder>();
        services.AddSingleton<ITextEmbedder>(new Embedder(embedder, this));
        services.RemoveAll<IKnowledgeStore>();
        services.AddSingleton<IKnowledgeStore>(new Store(new SqliteKnowledgeStore(storePath), this));
    }

    private T Count<T>(string member, T result, int times = 1)
    {
        _calls.AddOrUpdate(member, times, (_, n) => n + times);
        return result;
    }

    private sealed class Embedder(ITextEmbedder inner, CountingKnowledge counts) : ITextEmbedder
    {
        public string ModelId => inner.ModelId;

        public int Dimensions => inner.Dimensions;

        public int CountTokens(string text) => inner.CountTokens(text);

        public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
            counts.Count("EmbedAsync", counts.Count("EmbeddedTexts", inner.EmbedAsync(texts, cancellationToken), texts.Count));
    }

    private sealed class Store(IKnowledgeStore inner, CountingKnowledge counts) : IKnowledgeStore
    {
        public Task EnsureEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken) =>
            counts.Count(nameof(EnsureEmbeddingModelAsync), inner.EnsureEmbeddingModelAsync(modelId, dimensions, cancellationToken));

        public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) =>
            counts.Count(nameof(GetStatisticsAsync), inner.GetStatisticsAsync(cancellationToken));

        public Task<ModelCalibration?> GetCalibrationAsync(CancellationToken cancellationToken) =>
            counts.Count(nameof(GetCalibrationAsync), inner.GetCalibrationAsync(cancellationToken));

        public Task SaveCalibrationAsync(ModelCalibration calibration, CancellationToken cancellationToken) =>
            counts.Count(nameof(SaveCalibrationAsync), inner.SaveCalibrationAsync(calibration, cancellationToken));

        public Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken) =>
            counts.Count(nameof(GetContentHashesAsync), inner.GetContentHashesAsync(cancellationToken));

        public Task ReplaceDocumentAsync(IndexedDocument document, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The shared seed store is read-only in tests.");

        public Task DeleteDocumentsAsync(IReadOnlyCollection<string> documentIds, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The shared seed store is read-only in tests.");

        public Task<IReadOnlyList<RetrievedPassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken) =>
            counts.Count(nameof(SearchAsync), inner.SearchAsync(query, cancellationToken));

        public Task<StoredDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken) =>
            counts.Count(nameof(GetDocumentAsync), inner.GetDocumentAsync(documentId, cancellationToken));

        public Task<IReadOnlyDictionary<string, float[][]>> GetSentenceVectorsAsync(IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken) =>
            counts.Count(nameof(GetSentenceVectorsAsync), inner.GetSentenceVectorsAsync(chunkIds, cancellationToken));
    }
}
