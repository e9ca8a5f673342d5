using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Models;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Telemetry;

namespace RagApi.Knowledge;

public static class KnowledgeExtensions
{
    /// <summary>
    /// The one composition of store, embedder, chat model, ingestion and answering that the API, the indexer and the
    /// eval runner all use, from the host's configuration (appsettings, environment variables, overrides), with every
    /// section validated at start. The defaults need nothing: MiniLM, the embedded SQLite store, the extractive composer.
    /// </summary>
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<KnowledgeMetrics>();
        builder.Services.AddOptions<PromptOptions>().BindConfiguration(PromptOptions.Section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PromptOptions>, PromptOptionsValidator>());
        builder.AddModelSettings();
        builder.AddKnowledgeStore();
        builder.AddEmbeddings();
        builder.AddIngestion();
        builder.AddAnswering();
        return builder;
    }
}
