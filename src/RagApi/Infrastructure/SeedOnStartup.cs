using Microsoft.Extensions.Options;
using RagApi.Knowledge.Documents;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Indexing;
using RagApi.Knowledge.Store;

namespace RagApi.Infrastructure;

/// <summary>
/// With an empty store the service indexes the seed corpus before it listens, so a bare <c>dotnet run</c>
/// answers questions. A store that already has documents is left as it is. A remote store that cannot be reached
/// does not stop the service: it starts unready, answers 503, and keeps trying until the store answers.
/// </summary>
internal sealed partial class SeedOnStartup(
    IKnowledgeStore store,
    ITextEmbedder embedder,
    IndexingPipeline pipeline,
    IOptions<SeedOptions> options,
    IHostEnvironment environment,
    StoreReadiness readiness,
    TimeProvider time,
    ILogger<SeedOnStartup> logger) : IHostedService
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TryPrepareAsync(cancellationToken))
            _retrying = RetryUntilPreparedAsync(_stopping.Token);
    }

    /// <remarks>The token source is never disposed: it holds no timer, and the host may stop a service twice.</remarks>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _retrying.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RetryUntilPreparedAsync(CancellationToken stopping)
    {
        try
        {
            do await Task.Delay(RetryInterval, time, stopping);
            while (!await TryPrepareAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task<bool> TryPrepareAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A store built by another embedding model would return nonsense for every query: refuse to start.
            await store.EnsureEmbeddingModelAsync(embedder.ModelId, embedder.Dimensions, cancellationToken);
            var statistics = await store.GetStatisticsAsync(cancellationToken);
            if (statistics.Documents == 0) await SeedAsync(cancellationToken);
            readiness.MarkReady();
            return true;
        }
        catch (KnowledgeStoreUnavailableException e)
        {
            readiness.MarkUnavailable(e.Message);
            LogUnavailable(e.Message, RetryInterval.TotalSeconds);
            return false;
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var folder = ContentPaths.FindFolder(environment.ContentRootPath, options.Value.Path);
        LogSeeding(folder);
        var documents = DocumentSourceLoader.Load(folder);
        var summary = await pipeline.RunAsync(documents, prune: false, progress: null, cancellationToken);
        LogSeeded(summary.ToString());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The store is empty: indexing the seed corpus in {Folder}")]
    private partial void LogSeeding(string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed corpus indexed: {Summary}")]
    private partial void LogSeeded(string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason} Not ready; trying again every {Seconds} s.")]
    private partial void LogUnavailable(string reason, double seconds);
}

public static class SeedingRegistration
{
    public static WebApplicationBuilder AddSeedingOnStart(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StoreReadiness>();
        builder.Services.AddHostedService<SeedOnStartup>();
        return builder;
    }
}
