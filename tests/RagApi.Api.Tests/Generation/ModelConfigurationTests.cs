using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Models;
using RagApi.Testing;

namespace RagApi.Api.Tests.Generation;

/// <summary>Model settings are checked at start; a store built by another embedding model is refused.</summary>
public sealed class ModelConfigurationTests(SeedIndex index)
{
    [Fact]
    public async Task Azure_generation_without_its_settings_fails_at_start_naming_each_missing_key()
    {
        await using var app = new RagApiApplication(index, settings: new Dictionary<string, string?> { ["Generation:Provider"] = "AzureOpenAI" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("AzureOpenAI:ChatDeployment", Messages(error));
    }

    [Fact]
    public async Task An_unknown_generation_provider_fails_at_start()
    {
        await using var app = new RagApiApplication(index, settings: new Dictionary<string, string?> { ["Generation:Provider"] = "Gemini" });

        Assert.ThrowsAny<Exception>(() => app.CreateClient());
    }

    [Fact]
    public async Task Remote_embeddings_on_a_store_built_by_minilm_are_refused_at_start()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        await using var app = new RagApiApplication(index, sharedEmbedder: false, settings: new Dictionary<string, string?>
        {
            ["Embeddings:Provider"] = "OpenAI",
            ["Embeddings:Dimensions"] = "8",
            ["OpenAI:Endpoint"] = model.OpenAIEndpoint,
            ["OpenAI:EmbeddingModel"] = "scripted-embedder",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("openai:scripted-embedder", Messages(error));
    }

    [Fact]
    public async Task The_remote_embedder_returns_unit_vectors_of_the_configured_size()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        var embedder = RemoteEmbedder.Create(
            new EmbeddingOptions { Provider = EmbeddingProvider.OpenAI, Dimensions = ScriptedModelServer.EmbeddingDimensions },
            new AzureOpenAIOptions(),
            new OpenAIOptions { Endpoint = model.OpenAIEndpoint, EmbeddingModel = "scripted-embedder" },
            new HttpClient());

        var vectors = await embedder.EmbedAsync(["LEMS", "Lambert-Eaton myasthenic syndrome"], TestContext.Current.CancellationToken);

        Assert.All(vectors, v => Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), precision: 4));
    }

    [Fact]
    public async Task The_remote_embedder_refuses_vectors_of_another_size()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        var embedder = RemoteEmbedder.Create(
            new EmbeddingOptions { Provider = EmbeddingProvider.OpenAI, Dimensions = 1536 },
            new AzureOpenAIOptions(),
            new OpenAIOptions { Endpoint = model.OpenAIEndpoint, EmbeddingModel = "scripted-embedder" },
            new HttpClient());

        await Assert.ThrowsAsync<InvalidOperationException>(() => embedder.EmbedAsync(["LEMS"], TestContext.Current.CancellationToken));
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException) messages.Add(e.Message);
        if (error is AggregateException aggregate) messages.AddRange(aggregate.InnerExceptions.Select(e => e.Message));
        return string.Join(" | ", messages);
    }
}
