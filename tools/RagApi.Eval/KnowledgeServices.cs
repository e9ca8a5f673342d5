using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RagApi.Knowledge;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;

namespace RagApi.Eval;

/// <summary>
/// The Knowledge services on one embedded store, composed by the same AddKnowledge as the API (environment variables
/// and appsettings.json apply), with no web host in between. In-process evaluation measures the extractive composer;
/// a generated composer is measured through --api.
/// </summary>
internal sealed class KnowledgeServices : IDisposable
{
    private readonly IHost _host;

    /// <param name="relevanceThreshold">The relevance threshold to run with; null takes the store's, as the API does (configured, else calibrated for its model).</param>
    public KnowledgeServices(string storePath, AnswerOptions options, ITextEmbedder? embedder = null, float? relevanceThreshold = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{StoreOptions.Section}:Provider"] = StoreOptions.Embedded,
            [$"{StoreOptions.Section}:Path"] = Path.GetFullPath(storePath),
            ["Generation:Provider"] = "Extractive",
        });
        builder.Logging.ClearProviders();
        builder.AddKnowledge();
        // The tuning options under test replace the configured ones; a shared embedder spares loading the model twice.
        builder.Services.AddSingleton(sp => options with { RelevanceThreshold = relevanceThreshold ?? sp.GetRequiredService<StoreThresholds>().Current.Relevance });
        if (embedder is not null) builder.Services.AddSingleton(embedder);
        _host = builder.Build();
        _host.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        StorePath = Path.GetFullPath(storePath);
    }

    public string StorePath { get; }

    public ITextEmbedder Embedder => _host.Services.GetRequiredService<ITextEmbedder>();

    public IKnowledgeStore Store => _host.Services.GetRequiredService<IKnowledgeStore>();

    public AnswerOptions Options => _host.Services.GetRequiredService<AnswerOptions>();

    public Retriever Retriever => _host.Services.GetRequiredService<Retriever>();

    public IndexingPipeline Indexing => _host.Services.GetRequiredService<IndexingPipeline>();

    public AnswerService Answers => _host.Services.GetRequiredService<AnswerService>();

    // A shared embedder registered as an instance is not disposed by the container; one it made is.
    public void Dispose() => _host.Dispose();
}
