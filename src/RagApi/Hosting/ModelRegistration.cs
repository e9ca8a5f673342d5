using Microsoft.Extensions.Options;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Models;
using RagApi.Knowledge.Storage;
using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Limits;
using RagApi.Hosting.OpenApi;
using RagApi.Hosting.Problems;
using RagApi.Hosting.Security;
using RagApi.Hosting.Telemetry;
using RagApi.Requests;

namespace RagApi.Hosting;

/// <summary>
/// The embedder and the chat model, chosen by Embeddings:Provider and Generation:Provider. Local MiniLM and the
/// extractive composer need nothing; Azure OpenAI and OpenAI-compatible servers are checked at start.
/// </summary>
public static class ModelRegistration
{
    public static WebApplicationBuilder AddModels(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var root = builder.Environment.ContentRootPath;
        services.AddOptions<GenerationOptions>().BindConfiguration(GenerationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmbeddingOptions>().BindConfiguration(EmbeddingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AzureOpenAIOptions>().BindConfiguration(AzureOpenAIOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OpenAIOptions>().BindConfiguration(OpenAIOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<GenerationOptions>, ModelSettingsValidation>();

        services.AddSingleton(sp => new ModelHttp(ModelHttpClient.Create(Option<GenerationOptions>(sp), sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<ITextEmbedder>(sp =>
        {
            var embeddings = sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
            return embeddings.Provider == EmbeddingProvider.Local
                ? new BatchingQueryEmbedder(new MiniLmEmbedder(), sp.GetRequiredService<TimeProvider>())
                : RemoteEmbedder.Create(embeddings, Option<AzureOpenAIOptions>(sp), Option<OpenAIOptions>(sp), sp.GetRequiredService<ModelHttp>().Client);
        });
        services.AddSingleton(sp => GenerationPrompts.Load(ContentPaths.FindFolder(root, Option<PromptOptions>(sp).Path)));
        services.AddSingleton(sp => new CitationVerifier(sp.GetRequiredService<ITextEmbedder>(), Option<GenerationOptions>(sp)));
        services.AddSingleton(sp =>
        {
            var model = ChatModel.Create(Option<GenerationOptions>(sp), Option<AzureOpenAIOptions>(sp), Option<OpenAIOptions>(sp), sp.GetRequiredService<ModelHttp>().Client);
            if (model is null) return AnswerGeneration.None;
            var prompts = sp.GetRequiredService<GenerationPrompts>();
            return new AnswerGeneration(
                new GeneratedComposer(model, prompts, sp.GetRequiredService<CitationVerifier>(), sp.GetRequiredService<IKnowledgeStore>()),
                new ModelQuestionCondenser(model, prompts));
        });
        return builder;
    }

    private static T Option<T>(IServiceProvider services) where T : class => services.GetRequiredService<IOptions<T>>().Value;
}

/// <summary>Fails the start with every missing setting named, rather than the first request.</summary>
internal sealed class ModelSettingsValidation(IConfiguration configuration) : IValidateOptions<GenerationOptions>
{
    public ValidateOptionsResult Validate(string? name, GenerationOptions options)
    {
        var problems = ModelSettings.Problems(options,
            configuration.GetSection(EmbeddingOptions.Section).Get<EmbeddingOptions>() ?? new EmbeddingOptions(),
            configuration.GetSection(AzureOpenAIOptions.Section).Get<AzureOpenAIOptions>() ?? new AzureOpenAIOptions(),
            configuration.GetSection(OpenAIOptions.Section).Get<OpenAIOptions>() ?? new OpenAIOptions());
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
