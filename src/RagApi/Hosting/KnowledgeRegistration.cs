using Microsoft.Extensions.Options;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion;
using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Limits;
using RagApi.Hosting.OpenApi;
using RagApi.Hosting.Problems;
using RagApi.Hosting.Security;
using RagApi.Hosting.Telemetry;
using RagApi.Requests;

namespace RagApi.Hosting;

public static class KnowledgeRegistration
{
    /// <summary>Store, embedder, retrieval and composer, chosen from configuration; the defaults need nothing.</summary>
    public static WebApplicationBuilder AddKnowledge(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var root = builder.Environment.ContentRootPath;
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddOptions<PromptOptions>().BindConfiguration(PromptOptions.Section);

        services.AddSingleton(TimeProvider.System);
        services.AddKnowledgeStore(builder.Configuration, root);
        services.AddSingleton(sp => AnswerTexts.Load(ContentPaths.FindFolder(root, sp.GetRequiredService<IOptions<PromptOptions>>().Value.Path)));
        services.AddSingleton(sp => new StoreThresholds(sp.GetRequiredService<Knowledge.Storage.IKnowledgeStore>(), sp.GetRequiredService<ITextEmbedder>(),
            ConfiguredThreshold(builder.Configuration, "Answers:RelevanceThreshold"), ConfiguredThreshold(builder.Configuration, "Generation:SupportThreshold")));
        services.AddSingleton(sp => (builder.Configuration.GetSection("Answers").Get<AnswerOptions>() ?? new AnswerOptions())
            with { RelevanceThreshold = sp.GetRequiredService<StoreThresholds>().Current.Relevance });
        services.AddSingleton(sp => new Chunker(sp.GetRequiredService<ITextEmbedder>()));
        services.AddSingleton<IndexingPipeline>();
        services.AddSingleton<Retriever>();
        services.AddSingleton<ExtractiveComposer>();
        services.AddSingleton<AnswerAssembler>();
        services.AddSingleton<AnswerService>();
        return builder;
    }

    /// <summary>A threshold set explicitly in configuration, which wins over the store's calibration.</summary>
    private static float? ConfiguredThreshold(IConfiguration configuration, string key) =>
        float.TryParse(configuration[key], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
