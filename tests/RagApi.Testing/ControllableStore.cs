using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagApi.Knowledge;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Embedded;

namespace RagApi.Testing;

/// <summary>
/// The real seed store with faults a test can switch on: every call failing as the embedded store reports a broken
/// disk (or with a failure of the test's choosing), or searches held until the test releases them (or the request
/// is cancelled).
/// </summary>
internal sealed class ControllableStore(string path) : IKnowledgeStore
{
    private readonly SqliteKnowledgeStore _inner = new(path);
    private readonly TaskCompletionSource _searchEntered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public volatile bool Failing;

    public KnowledgeException Failure { get; init; } = new KnowledgeStoreUnavailableException(
        "SQLite Error 10: 'disk I/O error'.", TimeSpan.FromSeconds(5), new SqliteException("SQLite Error 10: 'disk I/O error'.", 10));

    public bool HoldSearches { get; init; }

    public Task SearchEntered => _searchEntered.Task;

    public void ReleaseSearches() => _release.TrySetResult();

    public void RegisterIn(IServiceCollection services)
    {
        services.RemoveAll<IKnowledgeStore>();
        services.AddSingleton<IKnowledgeStore>(this);
    }

    private void ThrowIfFailing()
    {
        if (Failing) throw Failure;
    }

    public Task<ModelCalibration?> GetCalibrationAsync(CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return _inner.GetCalibrationAsync(cancellationToken);
    }

    public Task SaveCalibrationAsync(ModelCalibration calibration, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return _inner.SaveCalibrationAsync(calibration, cancellationToken);
    }

    public Task EnsureEmbeddingModelAsync(string modelId, int dimensions, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return _inner.EnsureEmbeddingModelAsync(modelId, dimensions, cancellationToken);
    }

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return _inner.GetStatisticsAsync(cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, string>> GetContentHashesAsync(CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return _inner.GetContentHashesAsync(cancellationToken);
    }

    public Task ReplaceDocumentAsync(IndexedDocument document, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The shared seed store is read-only in tests.");

    public Task DeleteDocumentsAsync(IReadOnlyCollection<string> documentIds, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The shared seed store is read-only in tests.");

    public async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(PassageQuery query, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        if (HoldSearches)
        {
            _searchEntered.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken);
        }
        return await _inner.SearchAsync(query, cancellationToken);
    }

    public Task<StoredDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return _inner.GetDocumentAsync(documentId, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, float[][]>> GetSentenceVectorsAsync(IReadOnlyCollection<string> chunkIds, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return _inner.GetSentenceVectorsAsync(chunkIds, cancellationToken);
    }
}
