using Microsoft.Extensions.Options;
using RagApi.Knowledge.Answers;
using RagApi.Knowledge.Chunking;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Indexing;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Store;
using RagApi.Knowledge.Store.Embedded;

namespace RagApi.Infrastructure;

public static class KnowledgeRegistration
{
    /// <summary>Store, embedder, retrieval and composer, chosen from configuration; the defaults need nothing.</summary>
    public static WebApplicationBuilder AddKnowledge(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var root = builder.Environment.ContentRootPath;
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddOptions<PromptOptions>().BindConfiguration(PromptOptions.Section);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ITextEmbedder, MiniLmEmbedder>();
        services.AddSingleton<IKnowledgeStore>(sp =>
            new InstrumentedKnowledgeStore(
                new SqliteKnowledgeStore(ContentPaths.UnderRoot(root, sp.GetRequiredService<IOptions<StoreOptions>>().Value.Path)), "embedded"));
        services.AddSingleton(sp => AnswerTexts.Load(ContentPaths.FindFolder(root, sp.GetRequiredService<IOptions<PromptOptions>>().Value.Path)));
        services.AddSingleton(builder.Configuration.GetSection("Answers").Get<AnswerOptions>() ?? new AnswerOptions());
        services.AddSingleton(sp => new Chunker(sp.GetRequiredService<ITextEmbedder>()));
        services.AddSingleton<IndexingPipeline>();
        services.AddSingleton<Retriever>();
        services.AddSingleton<ExtractiveComposer>();
        services.AddSingleton<AnswerAssembler>();
        services.AddSingleton<AnswerService>();
        return builder;
    }
}
