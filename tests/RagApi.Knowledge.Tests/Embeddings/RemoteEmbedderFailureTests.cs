using System.Net;
using System.Net.Sockets;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Models;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Embeddings;

/// <summary>
/// The remote embedder behind the service's own resilience pipeline (retries, breaker, timeouts) and the real SDK,
/// against the stand-in failing as OpenAI and Azure OpenAI document (<see cref="EmbeddingOutage"/>): every failure
/// leaves as one <see cref="EmbeddingEndpointException"/> that says whether waiting helps and names the endpoint, not the key.
/// </summary>
public sealed class RemoteEmbedderFailureTests : IDisposable
{
    private const string Key = "sk-test-0123456789abcdef";
    private readonly FakeOpenAIEmbeddings _server = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static readonly GenerationOptions FastRetries = new() { RetryDelayMilliseconds = 1, AttemptTimeoutSeconds = 1, TotalTimeoutSeconds = 1 };

    private RemoteEmbedder OpenAI(string endpoint = "http://openai.test/v1", HttpMessageHandler? handler = null, GenerationOptions? retries = null) => RemoteEmbedder.Create(
        new EmbeddingOptions { Provider = EmbeddingProvider.OpenAI, Dimensions = 64 },
        new AzureOpenAIOptions(),
        new OpenAIOptions { Endpoint = endpoint, ApiKey = Key, EmbeddingModel = "text-embedding-3-small" },
        ModelHttpClient.Create(retries ?? FastRetries, TimeProvider.System, handler ?? _server, ModelsExtensions.EmbeddingsHttpClient));

    private RemoteEmbedder Azure() => RemoteEmbedder.Create(
        new EmbeddingOptions { Provider = EmbeddingProvider.AzureOpenAI, Dimensions = 64 },
        new AzureOpenAIOptions { Endpoint = "https://clinic.openai.azure.test/", ApiKey = Key, EmbeddingDeployment = "text-embedding-3-small" },
        new OpenAIOptions(),
        ModelHttpClient.Create(FastRetries, TimeProvider.System, _server, ModelsExtensions.EmbeddingsHttpClient));

    private async Task<EmbeddingEndpointException> FailureAsync(RemoteEmbedder embedder, EmbeddingOutage? outage)
    {
        _server.Outage = outage;
        return await Assert.ThrowsAsync<EmbeddingEndpointException>(() => embedder.EmbedAsync(["Is amifampridine first-line?"], _ct));
    }

    [Fact]
    public async Task Repeated_500s_are_a_transient_failure_naming_the_endpoint_and_status_after_the_retries()
    {
        var error = await FailureAsync(OpenAI(), EmbeddingOutage.ServerError);

        Assert.Equal((true, "unavailable", 3, true),
            (error.IsTransient, error.Reason, _server.Requests.Count, error.Message.Contains("http://openai.test") && error.Message.Contains("HTTP 500")));
    }

    [Fact]
    public async Task An_azure_429_is_transient_and_carries_the_retry_after_ms_wait()
    {
        var error = await FailureAsync(Azure(), EmbeddingOutage.RateLimited);

        Assert.Equal((true, "rate-limited", TimeSpan.FromMilliseconds(20)), (error.IsTransient, error.Reason, error.RetryAfter));
    }

    [Fact]
    public async Task A_429_for_insufficient_quota_is_not_transient_and_not_retried()
    {
        var error = await FailureAsync(OpenAI(), EmbeddingOutage.QuotaExhausted);

        Assert.Equal((false, "quota exhausted", 1), (error.IsTransient, error.Reason, _server.Requests.Count));
    }

    [Fact]
    public async Task A_refused_key_is_not_transient_and_the_message_shows_neither_the_key_nor_the_servers_echo_of_it()
    {
        var error = await FailureAsync(OpenAI(), EmbeddingOutage.Unauthorised);

        Assert.Equal((false, "unauthorised", false, false),
            (error.IsTransient, error.Reason, error.Message.Contains(Key[^4..], StringComparison.Ordinal), error.Message.Contains("sk-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_endpoint_with_user_information_in_its_address_is_named_by_host_and_port_only()
    {
        var error = await FailureAsync(OpenAI(endpoint: "http://user:secret@openai.test:8443/v1?api-key=secret"), EmbeddingOutage.Overloaded);

        Assert.Equal((true, false), (error.Message.Contains("http://openai.test:8443 "), error.Message.Contains("secret")));
    }

    [Fact]
    public async Task An_endpoint_that_never_answers_is_a_transient_timeout()
    {
        var error = await FailureAsync(OpenAI(), EmbeddingOutage.Hangs);

        Assert.Equal((true, "timeout"), (error.IsTransient, error.Reason));
    }

    [Fact]
    public async Task A_refused_connection_is_transient()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        // A refusal comes back at once; a generous time budget keeps a loaded machine from turning it into a timeout.
        var error = await FailureAsync(OpenAI($"http://127.0.0.1:{port}/v1", new SocketsHttpHandler(), new GenerationOptions { RetryDelayMilliseconds = 1, AttemptTimeoutSeconds = 30, TotalTimeoutSeconds = 60 }), null);

        Assert.Equal((true, "unavailable"), (error.IsTransient, error.Reason));
    }

    [Fact]
    public async Task An_open_circuit_is_transient_and_carries_the_remaining_break()
    {
        var embedder = OpenAI();
        _server.Outage = EmbeddingOutage.ServerError;
        for (var i = 0; i < 2; i++) await Assert.ThrowsAsync<EmbeddingEndpointException>(() => embedder.EmbedAsync(["q"], _ct));
        var attempts = _server.Requests.Count;

        var error = await FailureAsync(embedder, EmbeddingOutage.ServerError);

        Assert.Equal((true, attempts, true), (error.IsTransient, _server.Requests.Count, error.RetryAfter > TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task A_call_the_caller_cancels_stays_a_cancellation()
    {
        _server.Outage = EmbeddingOutage.Hangs;
        using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        var call = OpenAI().EmbedAsync(["q"], cancelled.Token);
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    public void Dispose() => _server.Dispose();
}
