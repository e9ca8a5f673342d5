using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;
namespace RagApi.Knowledge.Models;

/// <summary>Checks that each remote provider chosen has what it needs, with messages that say how to fix it.</summary>
internal static class ModelSettings
{
    public static IReadOnlyList<string> Problems(GenerationOptions generation, EmbeddingOptions embeddings, AzureOpenAIOptions azure, OpenAIOptions openAI)
    {
        var problems = new List<string>();
        if (generation.Provider == GenerationProvider.AzureOpenAI || embeddings.Provider == EmbeddingProvider.AzureOpenAI)
        {
            Require(problems, azure.Endpoint, "AzureOpenAI:Endpoint", "the resource URL, e.g. https://my-resource.openai.azure.com/");
            // Without a key, chat and embeddings sign in with Microsoft Entra ID.
        }
        if (generation.Provider == GenerationProvider.AzureOpenAI)
            Require(problems, azure.ChatDeployment, "AzureOpenAI:ChatDeployment", "the name of a chat model deployment");
        if (embeddings.Provider == EmbeddingProvider.AzureOpenAI)
            Require(problems, azure.EmbeddingDeployment, "AzureOpenAI:EmbeddingDeployment", "the name of an embedding model deployment");

        if (generation.Provider == GenerationProvider.OpenAI || embeddings.Provider == EmbeddingProvider.OpenAI)
            Require(problems, openAI.Endpoint, "OpenAI:Endpoint", "the server's URL including /v1, e.g. http://localhost:8000/v1");
        if (generation.Provider == GenerationProvider.OpenAI)
            Require(problems, openAI.ChatModel, "OpenAI:ChatModel", "the chat model's name on that server");
        if (embeddings.Provider == EmbeddingProvider.OpenAI)
            Require(problems, openAI.EmbeddingModel, "OpenAI:EmbeddingModel", "the embedding model's name on that server");

        if (embeddings.Provider != EmbeddingProvider.Local && embeddings.Dimensions <= 0)
            problems.Add("Embeddings:Dimensions must be set to the remote embedding model's vector size (e.g. 1536 for text-embedding-3-small).");
        if (generation.TotalTimeoutSeconds < generation.AttemptTimeoutSeconds)
            problems.Add("Generation:TotalTimeoutSeconds must be at least Generation:AttemptTimeoutSeconds.");
        if (generation.ContextTokens < generation.MaxOutputTokens + 1000)
            problems.Add("Generation:ContextTokens must leave at least 1000 tokens beside Generation:MaxOutputTokens for the rules and the passages.");
        return problems;
    }

    private static void Require(List<string> problems, string? value, string key, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) problems.Add($"{key} is required for the chosen provider: set it to {what}.");
    }
}
