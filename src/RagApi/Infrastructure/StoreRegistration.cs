using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using RagApi.Knowledge.Store;
using RagApi.Knowledge.Store.Embedded;
using RagApi.Knowledge.Store.Qdrant;

namespace RagApi.Infrastructure;

/// <summary>The store named by Store:Provider: the embedded SQLite file, or Qdrant behind its resilience pipeline.</summary>
public static class StoreRegistration
{
    public static IServiceCollection AddKnowledgeStore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var provider = configuration[$"{StoreOptions.Section}:Provider"];
        if (!string.Equals(provider, StoreOptions.Qdrant, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IKnowledgeStore>(sp => new InstrumentedKnowledgeStore(
                new SqliteKnowledgeStore(ContentPaths.UnderRoot(contentRoot, sp.GetRequiredService<IOptions<StoreOptions>>().Value.Path)), "embedded"));
            return services;
        }

        services.AddOptions<QdrantStoreOptions>().BindConfiguration(QdrantStoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddResiliencePipeline(QdrantResilience.PipelineName, (builder, context) =>
        {
            builder.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
            QdrantResilience.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<QdrantStoreOptions>>().Value.Resilience);
        });
        services.AddSingleton(sp => QdrantKnowledgeStore.CreateClient(sp.GetRequiredService<IOptions<QdrantStoreOptions>>().Value));
        services.AddSingleton<IKnowledgeStore>(sp => new InstrumentedKnowledgeStore(new QdrantKnowledgeStore(
            sp.GetRequiredService<Qdrant.Client.QdrantClient>(),
            sp.GetRequiredService<IOptions<QdrantStoreOptions>>().Value,
            sp.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(QdrantResilience.PipelineName)), "qdrant"));
        return services;
    }
}
