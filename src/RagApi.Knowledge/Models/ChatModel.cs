using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;

using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;

namespace RagApi.Knowledge.Models;

/// <summary>A chat model reached through Semantic Kernel, always at temperature 0.</summary>
public sealed class ChatModel(IChatCompletionService chat, string generatorName, int maxOutputTokens)
{
    public string GeneratorName { get; } = generatorName;

    public async Task<string> CompleteAsync(string prompt, CancellationToken cancellationToken)
    {
        var history = new ChatHistory();
        history.AddUserMessage(prompt);
        var settings = new OpenAIPromptExecutionSettings { Temperature = 0, MaxTokens = maxOutputTokens };
        var reply = await Telemetry.KnowledgeTelemetry.ModelCallAsync("chat", GeneratorName,
            () => chat.GetChatMessageContentAsync(history, settings, kernel: null, cancellationToken));
        return reply.Content ?? "";
    }

    public static ChatModel? Create(GenerationOptions generation, AzureOpenAIOptions azure, OpenAIOptions openAI, HttpClient http) =>
        generation.Provider switch
        {
            GenerationProvider.AzureOpenAI => new ChatModel(
                new AzureOpenAIChatCompletionService(azure.ChatDeployment!, azure.Endpoint!, azure.ApiKey!, httpClient: http),
                Generators.AzureOpenAI, generation.MaxOutputTokens),
            GenerationProvider.OpenAI => new ChatModel(OpenAICompatible(openAI, http), Generators.OpenAI, generation.MaxOutputTokens),
            _ => null,
        };

    // The endpoint overload is what reaches any OpenAI-compatible server (e.g. a local model server);
    // SK marks it experimental.
#pragma warning disable SKEXP0010
    private static OpenAIChatCompletionService OpenAICompatible(OpenAIOptions openAI, HttpClient http) =>
        new(openAI.ChatModel!, new Uri(openAI.Endpoint!), openAI.ApiKey ?? "unused", httpClient: http);
#pragma warning restore SKEXP0010
}
