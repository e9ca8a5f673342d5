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
