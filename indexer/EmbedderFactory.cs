using Microsoft.Extensions.Configuration;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Models;

namespace RagApi.Indexer;

/// <summary>
/// The embedder the API would use, from the same keys (environment variables, `__` for `:`), so a store the
/// indexer builds is one the API accepts.
/// </summary>
internal static class EmbedderFactory
{
    public static ITextEmbedder Create()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var embeddings = configuration.GetSection(EmbeddingOptions.Section).Get<EmbeddingOptions>() ?? new EmbeddingOptions();
        if (embeddings.Provider == EmbeddingProvider.Local) return new MiniLmEmbedder();

        var generation = configuration.GetSection(GenerationOptions.Section).Get<GenerationOptions>() ?? new GenerationOptions();
        var azure = configuration.GetSection(AzureOpenAIOptions.Section).Get<AzureOpenAIOptions>() ?? new AzureOpenAIOptions();
        var openAI = configuration.GetSection(OpenAIOptions.Section).Get<OpenAIOptions>() ?? new OpenAIOptions();
        // Only the embedding settings matter here; generation is the API's business.
        var problems = ModelSettings.Problems(new GenerationOptions(), embeddings, azure, openAI);
        if (problems.Count > 0) throw new InvalidDataException(string.Join(Environment.NewLine, problems));
        return RemoteEmbedder.Create(embeddings, azure, openAI, ModelHttpClient.Create(generation, TimeProvider.System));
    }
}
