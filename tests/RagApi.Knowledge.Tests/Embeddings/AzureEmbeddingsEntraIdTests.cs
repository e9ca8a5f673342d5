using Azure.Core;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Models;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Embeddings;

/// <summary>
/// Many tenants disable key auth: with AzureOpenAI:ApiKey empty, Azure embeddings sign in with Microsoft Entra ID and
/// send "Authorization: Bearer" with the Cognitive Services scope (Azure OpenAI REST reference, authentication),
/// never an api-key header. A recording credential stands in for DefaultAzureCredential.
/// </summary>
public sealed class AzureEmbeddingsEntraIdTests : IDisposable
{
    private readonly FakeOpenAIEmbeddings _server = new();
    private readonly HeaderRecorder _recorder;
    private readonly RecordingCredential _credential = new();

    public AzureEmbeddingsEntraIdTests() => _recorder = new HeaderRecorder(_server);

    private RemoteEmbedder Embedder(string apiKey) => RemoteEmbedder.Create(
        new EmbeddingOptions { Provider = EmbeddingProvider.AzureOpenAI, Dimensions = 64 },
        new AzureOpenAIOptions { Endpoint = "https://clinic.openai.azure.test/", ApiKey = apiKey, EmbeddingDeployment = "text-embedding-3-small" },
        new OpenAIOptions(),
        new HttpClient(_recorder),
        () => _credential);

    [Fact]
    public async Task Without_a_key_the_embedder_sends_an_entra_id_bearer_token()
    {
        await Embedder("").EmbedAsync(["Is amifampridine first-line?"], TestContext.Current.CancellationToken);

        Assert.Equal(("Bearer entra-test-token", false, "https://cognitiveservices.azure.com/.default"),
            (_recorder.Authorization, _recorder.SentApiKey, _credential.Scopes));
    }

    [Fact]
    public async Task With_a_key_the_embedder_sends_the_key_and_asks_for_no_token()
    {
        await Embedder("resource-key").EmbedAsync(["Is amifampridine first-line?"], TestContext.Current.CancellationToken);

        Assert.Equal((true, (string?)null), (_recorder.SentApiKey, _credential.Scopes));
    }

    [Fact]
    public void Settings_without_a_key_are_not_a_problem_for_azure_embeddings() =>
        Assert.Empty(ModelSettings.Problems(new GenerationOptions(), new EmbeddingOptions { Provider = EmbeddingProvider.AzureOpenAI, Dimensions = 64 },
            new AzureOpenAIOptions { Endpoint = "https://clinic.openai.azure.test/", EmbeddingDeployment = "text-embedding-3-small" }, new OpenAIOptions()));

    public void Dispose()
    {
        _recorder.Dispose();
        _server.Dispose();
    }

    private sealed class HeaderRecorder(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public string? Authorization { get; private set; }

        public bool SentApiKey { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString();
            SentApiKey = request.Headers.Contains("api-key");
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public string? Scopes { get; private set; }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes = string.Join(' ', requestContext.Scopes);
            return new AccessToken("entra-test-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
