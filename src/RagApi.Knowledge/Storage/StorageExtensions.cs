using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Qdrant.Client;
using RagApi.Knowledge.Storage.Embedded;
using RagApi.Knowledge.Storage.Qdrant;
using RagApi.Knowledge.Telemetry;

namespace RagApi.Knowledge.Storage;

public static class StorageExtensions
{
    /// <summary>The store named by Store:Provider: the embedded SQLite file, or Qdrant behind its resilience pipeline.</summary>
    public static IHostApplicationBuilder AddKnowledgeStore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>());

        var store = builder.Configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        if (!store.IsQdrant)
        {
            services.AddSingleton<IKnowledgeStore>(sp => new InstrumentedKnowledgeStore(
                new SqliteKnowledgeStore(ContentPaths.UnderRoot(contentRoot, sp.GetRequiredService<IOptions<StoreOptions>>().Value.Path)), "embedded",
                sp.GetRequiredService<KnowledgeMetrics>()));
            return builder;
        }

        services.AddOptions<QdrantStoreOptions>().BindConfiguration(QdrantStoreOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QdrantStoreOptions>, QdrantStoreOptionsValidator>());
        services.AddResiliencePipeline(QdrantResilience.PipelineName, (pipeline, context) =>
        {
            pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
            QdrantResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<QdrantStoreOptions>>().Value.Resilience);
        });
        services.AddSingleton(sp => QdrantKnowledgeStore.CreateClient(sp.GetRequiredService<IOptions<QdrantStoreOptions>>().Value));
        services.AddSingleton<IKnowledgeStore>(sp => new InstrumentedKnowledgeStore(new QdrantKnowledgeStore(
            sp.GetRequiredService<QdrantClient>(),
            sp.GetRequiredService<IOptions<QdrantStoreOptions>>().Value,
            sp.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(QdrantResilience.PipelineName)), "qdrant",
            sp.GetRequiredService<KnowledgeMetrics>()));
        return builder;
    }
}
