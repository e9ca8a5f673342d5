using System.Runtime.CompilerServices;
using Azure.Core;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Telemetry;

namespace RagApi.Knowledge.Models;

/// <summary>
/// A chat model reached through Semantic Kernel. Reasoning models get <c>max_completion_tokens</c> and no
/// temperature; a model that refuses either with the documented 400 is asked again once without it, and not
/// sent it again.
/// </summary>
public sealed class ChatModel(IChatCompletionService chat, string generatorName, GenerationOptions options, bool reasoning, bool azure, KnowledgeMetrics metrics)
{
    private volatile bool _omitTemperature = reasoning || options.Temperature is null;
    private volatile bool _maxCompletionTokens = reasoning;

    public string GeneratorName { get; } = generatorName;

    public async Task<ModelReply> CompleteAsync(ChatPrompt prompt, CancellationToken cancellationToken)
    {
        var history = History(prompt);
        var reply = await metrics.ModelCallAsync("chat", GeneratorName, () => AdaptingAsync(
            settings => chat.GetChatMessageContentAsync(history, settings, kernel: null, cancellationToken)));
        var finish = FinishOf(reply.Metadata);
        if (finish == ModelFinish.ContentFilter) throw Filtered();
        return new ModelReply(reply.Content ?? "", finish);
    }

    /// <summary>The reply as it is written; reasoning text (reasoning_content) is not part of it.</summary>
    public async IAsyncEnumerable<ModelDelta> StreamAsync(ChatPrompt prompt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var history = History(prompt);
        // The first chunk is where a refused parameter shows, so only it is retried without that parameter.
        var (stream, first) = await AdaptingAsync(async settings =>
        {
            var enumerator = chat.GetStreamingChatMessageContentsAsync(history, settings, kernel: null, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                return (enumerator, await enumerator.MoveNextAsync());
            }
            catch
            {
                await enumerator.DisposeAsync();
                throw;
            }
        });
        await using var _ = stream;
        ModelFinish? finish = null;
        for (var more = first; more; more = await stream.MoveNextAsync())
        {
            var update = stream.Current;
            if (update.Metadata?.GetValueOrDefault("FinishReason") is not null) finish = FinishOf(update.Metadata);
            if (finish == ModelFinish.ContentFilter) throw Filtered();
            if (!string.IsNullOrEmpty(update.Content)) yield return new ModelDelta(update.Content);
        }
        yield return new ModelDelta("", finish ?? ModelFinish.Stop);
    }

    private async Task<T> AdaptingAsync<T>(Func<PromptExecutionSettings, Task<T>> call)
    {
        // At most one retry per parameter a model can refuse (max_tokens, temperature).
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call(Settings());
            }
            catch (HttpOperationException e) when (attempt < 2 && ModelErrorBody.Of(e) is { } body && Adapt(body))
            {
            }
        }
    }

    /// <summary>True when the error names a parameter this model can do without, which is then left out for good.</summary>
    private bool Adapt(ModelErrorBody body)
    {
        if (!_omitTemperature && body.Refuses("temperature")) return _omitTemperature = true;
        if (!_maxCompletionTokens && body.Refuses("max_tokens")) return _maxCompletionTokens = true;
        return false;
    }

    // SetNewMaxCompletionTokensEnabled is what makes the Azure client send max_completion_tokens; SK marks it experimental.
#pragma warning disable SKEXP0010
    private PromptExecutionSettings Settings()
    {
        var temperature = _omitTemperature ? null : options.Temperature;
        if (azure)
            return new AzureOpenAIPromptExecutionSettings { Temperature = temperature, MaxTokens = options.MaxOutputTokens, SetNewMaxCompletionTokensEnabled = _maxCompletionTokens };
        // The OpenAI SDK writes MaxTokens as max_completion_tokens, which reasoning models need; the compatible
        // servers document max_tokens (Ollama lists only it; llama.cpp and vLLM read it), so the others get that.
        return _maxCompletionTokens
            ? new OpenAIPromptExecutionSettings { Temperature = temperature, MaxTokens = options.MaxOutputTokens }
            : new OpenAIPromptExecutionSettings { Temperature = temperature, ExtraBody = new Dictionary<string, object?> { ["max_tokens"] = options.MaxOutputTokens } };
    }
#pragma warning restore SKEXP0010

    private static ChatHistory History(ChatPrompt prompt)
    {
        var history = new ChatHistory();
        history.AddSystemMessage(prompt.System);
        history.AddUserMessage(prompt.User);
        return history;
    }

    private static ModelFinish FinishOf(IReadOnlyDictionary<string, object?>? metadata) =>
        (metadata?.GetValueOrDefault("FinishReason")?.ToString() ?? "").Replace("_", "").ToLowerInvariant() switch
        {
            "length" => ModelFinish.Length,
            "contentfilter" => ModelFinish.ContentFilter,
            _ => ModelFinish.Stop,
        };

    private static ModelCallException Filtered() => new(ModelFailureReason.Filtered, "The model server's content filter withheld the reply.");

    public static ChatModel? Create(GenerationOptions generation, AzureOpenAIOptions azure, OpenAIOptions openAI, HttpClient http, Func<TokenCredential> entraCredential,
        KnowledgeMetrics metrics) =>
        generation.Provider switch
        {
            GenerationProvider.AzureOpenAI => new ChatModel(AzureChat(azure, http, entraCredential), Generators.AzureOpenAI, generation,
                ReasoningModels.IsReasoning(azure.ChatDeployment!, generation.ReasoningModel), azure: true, metrics),
            GenerationProvider.OpenAI => new ChatModel(OpenAICompatible(openAI, http), Generators.OpenAI, generation,
                ReasoningModels.IsReasoning(openAI.ChatModel!, generation.ReasoningModel), azure: false, metrics),
            _ => null,
        };

    /// <summary>A key when one is set; otherwise Microsoft Entra ID, since many tenants disable key auth.</summary>
    public static bool UsesEntraId(AzureOpenAIOptions azure) => string.IsNullOrWhiteSpace(azure.ApiKey);

    private static AzureOpenAIChatCompletionService AzureChat(AzureOpenAIOptions azure, HttpClient http, Func<TokenCredential> entraCredential) =>
        UsesEntraId(azure)
            ? new AzureOpenAIChatCompletionService(azure.ChatDeployment!, azure.Endpoint!, entraCredential(), httpClient: http)
            : new AzureOpenAIChatCompletionService(azure.ChatDeployment!, azure.Endpoint!, azure.ApiKey!, httpClient: http);

    // The endpoint overload is what reaches any OpenAI-compatible server (e.g. a local model server);
    // SK marks it experimental.
#pragma warning disable SKEXP0010
    private static OpenAIChatCompletionService OpenAICompatible(OpenAIOptions openAI, HttpClient http) =>
        new(openAI.ChatModel!, new Uri(openAI.Endpoint!), openAI.ApiKey ?? "unused", httpClient: http);
#pragma warning restore SKEXP0010
}
