using Microsoft.Extensions.Options;
using RagApi.Knowledge.Documents;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Indexing;
using RagApi.Knowledge.Store;

namespace RagApi.Infrastructure;

/// <summary>
/// With an empty store the service indexes the seed corpus before it listens, so a bare <c>dotnet run</c>
/// answers questions. A store that already has documents is left as it is.
/// </summary>
internal sealed partial class SeedOnStartup(
    IKnowledgeStore store,
    ITextEmbedder embedder,
    IndexingPipeline pipeline,
    IOptions<SeedOptions> options,
    IHostEnvironment environment,
    StoreReadiness readiness,
    ILogger<SeedOnStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A store built by another embedding model would return nonsense for every query: refuse to start.
        await store.EnsureEmbeddingModelAsync(embedder.ModelId, embedder.Dimensions, cancellationToken);
        var statistics = await store.GetStatisticsAsync(cancellationToken);
        if (statistics.Documents == 0)
        {
            var folder = ContentPaths.FindFolder(environment.ContentRootPath, options.Value.Path);
            LogSeeding(folder);
            var documents = DocumentSourceLoader.Load(folder);
            var summary = await pipeline.RunAsync(documents, prune: false, progress: null, cancellationToken);
            LogSeeded(summary.ToString());
        }
        readiness.MarkReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The store is empty: indexing the seed corpus in {Folder}")]
    private partial void LogSeeding(string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed corpus indexed: {Summary}")]
    private partial void LogSeeded(string summary);
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
