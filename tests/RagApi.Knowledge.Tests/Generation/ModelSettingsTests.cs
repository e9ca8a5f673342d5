using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Models;

namespace RagApi.Knowledge.Tests.Generation;

public sealed class ModelSettingsTests
{
    [Fact]
    public void Problems_Defaults_AreNone()
    {
        Assert.Empty(ModelSettings.Problems(new GenerationOptions(), new EmbeddingOptions(), new AzureOpenAIOptions(), new OpenAIOptions()));
    }

    [Fact]
    public void Problems_AzureChatWithoutEndpointOrDeployment_NameEachKeyButNotTheKeyWhichEntraIdReplaces()
    {
        var problems = ModelSettings.Problems(new GenerationOptions { Provider = GenerationProvider.AzureOpenAI }, new EmbeddingOptions(),
            new AzureOpenAIOptions(), new OpenAIOptions());

        Assert.Equal(["AzureOpenAI:Endpoint", "AzureOpenAI:ChatDeployment"], problems.Select(p => p.Split(' ')[0]));
    }

    [Fact]
    public void UsesEntraId_WithoutAKey_IsTrue()
    {
        Assert.Equal((true, false), (ChatModel.UsesEntraId(new AzureOpenAIOptions { ApiKey = "" }), ChatModel.UsesEntraId(new AzureOpenAIOptions { ApiKey = "k" })));
    }

    [Fact]
    public void Problems_RemoteEmbeddingsWithoutDimensions_SaysToSetThem()
    {
        var problems = ModelSettings.Problems(new GenerationOptions(), new EmbeddingOptions { Provider = EmbeddingProvider.OpenAI },
            new AzureOpenAIOptions(), new OpenAIOptions { Endpoint = "http://localhost:8000/v1", EmbeddingModel = "e5" });

        Assert.Contains(problems, p => p.StartsWith("Embeddings:Dimensions", StringComparison.Ordinal));
    }
}
