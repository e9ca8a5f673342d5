using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace RagApi.Knowledge.Models;

public static class ModelsExtensions
{
    /// <summary>The HttpClient of chat calls; its circuit breaker is not the embeddings' one.</summary>
    public const string ChatHttpClient = "chat-calls";

    /// <summary>The HttpClient of remote embedding calls, a failure domain of its own.</summary>
    public const string EmbeddingsHttpClient = "embedding-calls";

    /// <summary>
    /// The model settings (Generation, Embeddings, AzureOpenAI, OpenAI), validated at start with every missing key
    /// named, and one factory-made HttpClient per failure domain behind its own resilience pipeline.
    /// </summary>
    public static IHostApplicationBuilder AddModelSettings(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GenerationOptions>().BindConfiguration(GenerationOptions.Section).ValidateOnStart();
        services.AddOptions<EmbeddingOptions>().BindConfiguration(EmbeddingOptions.Section).ValidateOnStart();
        services.AddOptions<AzureOpenAIOptions>().BindConfiguration(AzureOpenAIOptions.Section).ValidateOnStart();
        services.AddOptions<OpenAIOptions>().BindConfiguration(OpenAIOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GenerationOptions>, GenerationOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GenerationOptions>, ModelSettingsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureOpenAIOptions>, AzureOpenAIOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAIOptions>, OpenAIOptionsValidator>());

        // Entra ID when AzureOpenAI:ApiKey is empty (many tenants disable key auth); created only when first used.
        services.TryAddSingleton<Azure.Core.TokenCredential>(_ => new Azure.Identity.DefaultAzureCredential());
        AddModelHttpClient(services, ChatHttpClient);
        AddModelHttpClient(services, EmbeddingsHttpClient);
        return builder;
    }

    private static void AddModelHttpClient(IServiceCollection services, string name)
    {
        // One pipeline per client name for the process: handler rotation must not reset its circuit breaker.
        services.AddKeyedSingleton(name, (sp, _) => ModelHttpClient.Pipeline(
            sp.GetRequiredService<IOptions<GenerationOptions>>().Value, sp.GetRequiredService<TimeProvider>(), name));
        services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // Connections are recycled so a model endpoint that moves (DNS) is followed by long-lived clients.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .AddHttpMessageHandler(sp => new ResilienceHandler(sp.GetRequiredKeyedService<ResiliencePipeline<HttpResponseMessage>>(name)));
    }
}
