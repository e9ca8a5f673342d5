using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Composing.Selection;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Models;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Telemetry;

namespace RagApi.Knowledge.Answering;

public static class AnsweringExtensions
{
    /// <summary>
    /// condense -> retrieve -> compose (extractive, or the chat model with the extractive draft as fallback) -> verify
    /// -> assemble. The chat model is used when Generation:Provider names one.
    /// </summary>
    public static IHostApplicationBuilder AddAnswering(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddOptions<AnswerOptions>().BindConfiguration(AnswerOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnswerOptions>, AnswerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnswerOptions>, AnswerOptionsRules>());
        // The relevance and support thresholds belong to the embedding model: configured, else calibrated with the store.
        services.AddSingleton(sp => new StoreThresholds(sp.GetRequiredService<IKnowledgeStore>(), sp.GetRequiredService<ITextEmbedder>(),
            ConfiguredThreshold(builder.Configuration, "Answers:RelevanceThreshold"), ConfiguredThreshold(builder.Configuration, "Generation:SupportThreshold")));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AnswerOptions>>().Value
            with { RelevanceThreshold = sp.GetRequiredService<StoreThresholds>().Current.Relevance });

        services.AddSingleton(sp => AnswerTexts.Load(PromptsFolder(sp, contentRoot)));
        services.AddSingleton(sp => GenerationPrompts.Load(PromptsFolder(sp, contentRoot)));
        services.AddSingleton<Retriever>();
        // The fitted answer-or-refuse check runs on top of the calibrated floor for the model it was fitted on.
        services.AddSingleton(sp => new ExtractiveComposer(sp.GetRequiredService<IKnowledgeStore>(), sp.GetRequiredService<AnswerOptions>(),
            SelectionModel.Default, sp.GetRequiredService<ITextEmbedder>().ModelId));
        services.AddSingleton<AnswerAssembler>();
        // The support threshold belongs to the embedding model: the shared options are read, never changed.
        services.AddSingleton(sp => new CitationVerifier(sp.GetRequiredService<ITextEmbedder>(), Option<GenerationOptions>(sp),
            sp.GetRequiredService<StoreThresholds>().Current.Support));
        services.AddSingleton(sp =>
        {
            var generation = Option<GenerationOptions>(sp);
            var model = ChatModel.Create(generation, Option<AzureOpenAIOptions>(sp), Option<OpenAIOptions>(sp),
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(ModelsExtensions.ChatHttpClient), sp.GetRequiredService<Azure.Core.TokenCredential>,
                sp.GetRequiredService<KnowledgeMetrics>());
            if (model is null) return AnswerGeneration.None;
            var prompts = sp.GetRequiredService<GenerationPrompts>();
            return new AnswerGeneration(
                new GeneratedComposer(model, prompts, sp.GetRequiredService<CitationVerifier>(), generation),
                new ModelQuestionCondenser(model, prompts),
                new ModelBudget(generation, sp.GetRequiredService<TimeProvider>()));
        });
        services.AddSingleton<AnswerService>();
        return builder;
    }

    /// <summary>A threshold set explicitly in configuration, which wins over the store's calibration.</summary>
    private static float? ConfiguredThreshold(IConfiguration configuration, string key) =>
        float.TryParse(configuration[key], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string PromptsFolder(IServiceProvider services, string contentRoot) =>
        ContentPaths.FindFolder(contentRoot, Option<PromptOptions>(services).Path);

    private static T Option<T>(IServiceProvider services) where T : class => services.GetRequiredService<IOptions<T>>().Value;
}
