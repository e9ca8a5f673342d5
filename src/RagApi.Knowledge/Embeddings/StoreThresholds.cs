using RagApi.Knowledge.Storage;

namespace RagApi.Knowledge.Embeddings;

/// <summary>
/// The thresholds of the running service, resolved once from configuration and the store's calibration (see
/// <see cref="ModelThresholds.Resolve"/>). The start resolves them before the service is ready, so requests find
/// them resolved; a failed resolution (store unreachable) is not kept and is tried again.
/// </summary>
public sealed class StoreThresholds(IKnowledgeStore store, ITextEmbedder embedder, float? configuredRelevance, float? configuredSupport) : IDisposable
{
    private readonly SemaphoreSlim _resolving = new(1, 1);
    private ModelThresholds? _resolved;

    public async Task<ModelThresholds> ResolveAsync(CancellationToken cancellationToken)
    {
        if (_resolved is { } resolved) return resolved;
        await _resolving.WaitAsync(cancellationToken);
        try
        {
            if (_resolved is null)
            {
                var stored = configuredRelevance is not null && configuredSupport is not null ? null : await store.GetCalibrationAsync(cancellationToken);
                _resolved = ModelThresholds.Resolve(embedder.ModelId, stored, configuredRelevance, configuredSupport);
            }
            return _resolved;
        }
        finally
        {
            _resolving.Release();
        }
    }

    /// <summary>The resolved thresholds; resolves them now (blocking) if the start has not.</summary>
    public ModelThresholds Current => _resolved ?? ResolveAsync(CancellationToken.None).GetAwaiter().GetResult();

    public void Dispose() => _resolving.Dispose();
}
