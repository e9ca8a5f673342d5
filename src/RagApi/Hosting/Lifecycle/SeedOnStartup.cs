using Microsoft.Extensions.Options;
using RagApi.Knowledge;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;

namespace RagApi.Hosting.Lifecycle;

/// <summary>
/// With an empty store the service indexes the seed corpus before it listens, so a bare <c>dotnet run</c>
/// answers questions. A store that already has documents is left as it is. A store that cannot be opened
/// (corrupt, unreadable, or a Qdrant that cannot be reached) does not stop the process: it stays live but not
/// ready, /v1 answers 503 with the reason, and the store is tried again until it opens, so an orchestrator does
/// not restart it in a loop. A store built by another embedding model, or invalid seeds, stop the start: waiting
/// would not fix them. An empty <c>Seeds:Path</c> starts an empty store (for operators who index their own
/// documents); a <c>Seeds:Path</c> that does not exist stops the process with exit code 1 and one line saying what to set.
/// </summary>
internal sealed partial class SeedOnStartup(
    IKnowledgeStore store,
    ITextEmbedder embedder,
    IndexingPipeline pipeline,
    IOptions<SeedOptions> seeds,
    IOptions<StoreOptions> storeOptions,
    IOptions<StartupOptions> startup,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    StoreReadiness readiness,
    StoreThresholds thresholds,
    TimeProvider time,
    ILogger<SeedOnStartup> logger) : IHostedService
{
    private Task _retrying = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TryPrepareAsync(cancellationToken)) _retrying = RetryAsync(lifetime.ApplicationStopping);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _retrying.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(startup.Value.RetrySeconds);
        try
        {
            do await Task.Delay(interval, time, cancellationToken);
            while (!await TryPrepareAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task<bool> TryPrepareAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A store built by another embedding model would return nonsense for every query: refuse to start.
            await store.EnsureEmbeddingModelAsync(embedder.ModelId, embedder.Dimensions, cancellationToken);
            var statistics = await store.GetStatisticsAsync(cancellationToken);
            if (statistics.Documents == 0 && string.IsNullOrWhiteSpace(seeds.Value.Path))
            {
                LogStartingEmpty();
            }
            else if (statistics.Documents == 0)
            {
                var folder = ContentPaths.FindFolder(environment.ContentRootPath, seeds.Value.Path);
                if (!Directory.Exists(folder) && !File.Exists(folder))
                {
                    LogSeedsMissing(seeds.Value.Path, folder);
                    // Stopping while the server is still starting would end in an unhandled cancellation trace.
                    Environment.ExitCode = 1;
                    lifetime.ApplicationStarted.Register(lifetime.StopApplication);
                    return true;
                }
                LogSeeding(folder);
                var summary = await pipeline.RunAsync(DocumentSourceLoader.Load(folder), prune: false, progress: null, cancellationToken);
                LogSeeded(summary);
            }
            // A model without calibrated thresholds would refuse good questions or answer out-of-scope ones: refuse to start.
            var resolved = await thresholds.ResolveAsync(cancellationToken);
            LogThresholds(resolved);
            readiness.MarkReady();
            return true;
        }
        catch (Exception e) when (e is not (OperationCanceledException or KnowledgeException { IsTransient: false }))
        {
            var reason = $"The knowledge store ({storeOptions.Value.Provider}) cannot be opened: {FirstLine(e.Message)}";
            readiness.MarkUnavailable(reason);
            LogUnavailable(reason, storeOptions.Value.Path, startup.Value.RetrySeconds);
            return false;
        }
    }

    private static string FirstLine(string message) => message.ReplaceLineEndings("\n").Split('\n')[0];

    [LoggerMessage(Level = LogLevel.Information, Message = "The store is empty: indexing the seed corpus in {Folder}")]
    private partial void LogSeeding(string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Thresholds: {Thresholds}")]
    private partial void LogThresholds(ModelThresholds thresholds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store is empty and Seeds:Path is empty: starting with no documents; index them with ragapi-index")]
    private partial void LogStartingEmpty();

    [LoggerMessage(Level = LogLevel.Critical, Message = "The store is empty and Seeds:Path '{SeedsPath}' does not exist ({Folder}): set Seeds:Path " +
        "(env Seeds__Path) to a folder of documents to index at start, or to an empty value to start with an empty store.")]
    private partial void LogSeedsMissing(string seedsPath, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed corpus indexed: {Summary}")]
    private partial void LogSeeded(IndexingSummary summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Reason}. Store:Path is {StorePath}. The service stays up but not ready and tries " +
        "again every {RetrySeconds} s: restore the file, or delete it to have the seed corpus indexed anew.")]
    private partial void LogUnavailable(string reason, string storePath, double retrySeconds);
}
