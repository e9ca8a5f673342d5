using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Embedded;
using RagApi.Knowledge.Storage.Qdrant;
using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Limits;
using RagApi.Hosting.OpenApi;
using RagApi.Hosting.Problems;
using RagApi.Hosting.Security;
using RagApi.Hosting.Telemetry;
using RagApi.Requests;

namespace RagApi.Hosting;

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
