using System.Net;
using Polly.CircuitBreaker;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Models;

namespace RagApi.Knowledge.Tests.Generation;

public sealed class ModelHttpClientTests
{
    private static readonly GenerationOptions FastRetries = new() { RetryDelayMilliseconds = 1 };

    [Fact]
    public async Task Send_ServerErrors_AreRetriedUpToTheLimit()
    {
        var handler = new ScriptedHandler(HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable);
        using var client = ModelHttpClient.Create(FastRetries, TimeProvider.System, handler);

        using var response = await client.GetAsync("http://model.test/v1/chat", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, 3), (response.StatusCode, handler.Calls));
    }

    [Fact]
    public async Task Send_TooManyRequestsThenSuccess_SucceedsOnTheSecondCall()
    {
        var handler = new ScriptedHandler(HttpStatusCode.TooManyRequests, HttpStatusCode.OK);
        using var client = ModelHttpClient.Create(FastRetries, TimeProvider.System, handler);

        using var response = await client.GetAsync("http://model.test/v1/chat", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, 2), (response.StatusCode, handler.Calls));
    }

    [Fact]
    public async Task Send_BadRequest_IsNotRetried()
    {
        var handler = new ScriptedHandler(HttpStatusCode.BadRequest, HttpStatusCode.OK);
        using var client = ModelHttpClient.Create(FastRetries, TimeProvider.System, handler);

        using var response = await client.GetAsync("http://model.test/v1/chat", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.BadRequest, 1), (response.StatusCode, handler.Calls));
    }

    [Fact]
    public async Task Send_AfterRepeatedFailures_TheBreakerOpensAndStopsCallingTheServer()
    {
        var handler = new ScriptedHandler(Enumerable.Repeat(HttpStatusCode.InternalServerError, 10).ToArray());
        using var client = ModelHttpClient.Create(new GenerationOptions { MaxRetries = 0 }, TimeProvider.System, handler);
        for (var i = 0; i < 4; i++)
            (await client.GetAsync("http://model.test/v1/chat", TestContext.Current.CancellationToken)).Dispose();

        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync("http://model.test/v1/chat", TestContext.Current.CancellationToken));
        Assert.Equal(4, handler.Calls);
    }

    [Fact]
    public async Task Send_RetryAfterMs_IsTheWaitBeforeTheRetry()
    {
        var handler = new ScriptedHandler(HttpStatusCode.TooManyRequests, HttpStatusCode.OK) { RetryAfterSeconds = "30", RetryAfterMilliseconds = "20" };
        using var client = ModelHttpClient.Create(FastRetries, TimeProvider.System, handler);
        using var budget = ModelCallBudget.Until(DateTimeOffset.UtcNow.AddSeconds(10));

        using var response = await client.GetAsync("http://model.test/v1/chat", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, 2), (response.StatusCode, handler.Calls));
    }

    [Fact]
    public async Task Send_RetryAfterBeyondTheBudget_GivesUpAtOnce()
    {
        var handler = new ScriptedHandler(HttpStatusCode.TooManyRequests, HttpStatusCode.OK) { RetryAfterSeconds = "60" };
        using var client = ModelHttpClient.Create(FastRetries, TimeProvider.System, handler);
        using var budget = ModelCallBudget.Until(DateTimeOffset.UtcNow.AddSeconds(5));

        using var response = await client.GetAsync("http://model.test/v1/chat", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.TooManyRequests, 1), (response.StatusCode, handler.Calls));
    }

    [Fact]
    public async Task Send_InsufficientQuota_IsNotRetried()
    {
        var handler = new ScriptedHandler(HttpStatusCode.TooManyRequests, HttpStatusCode.OK)
        {
            Body = """{"error":{"message":"You exceeded your current quota.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}""",
        };
        using var client = ModelHttpClient.Create(FastRetries, TimeProvider.System, handler);

        using var response = await client.GetAsync("http://model.test/v1/chat", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.TooManyRequests, 1), (response.StatusCode, handler.Calls));
    }

    [Fact]
    public async Task Send_TwoClients_DoNotShareTheirBreaker()
    {
        var failing = new ScriptedHandler(Enumerable.Repeat(HttpStatusCode.InternalServerError, 10).ToArray());
        using var chat = ModelHttpClient.Create(new GenerationOptions { MaxRetries = 0 }, TimeProvider.System, failing, "chat-calls");
        using var embeddings = ModelHttpClient.Create(new GenerationOptions { MaxRetries = 0 }, TimeProvider.System, new ScriptedHandler(HttpStatusCode.OK), "embedding-calls");
        for (var i = 0; i < 5; i++)
            try { (await chat.GetAsync("http://model.test/v1/chat", TestContext.Current.CancellationToken)).Dispose(); } catch (BrokenCircuitException) { }

        using var response = await embeddings.GetAsync("http://model.test/v1/embeddings", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed class ScriptedHandler(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        public string RetryAfterSeconds { get; init; } = "0";

        public string? RetryAfterMilliseconds { get; init; }

        public string Body { get; init; } = "{}";

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var status = statuses[Math.Min(Calls, statuses.Length - 1)];
            Calls++;
            var response = new HttpResponseMessage(status);
            response.Content = new StringContent(Body);
            if (status == HttpStatusCode.TooManyRequests)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", RetryAfterSeconds);
                if (RetryAfterMilliseconds is not null) response.Headers.TryAddWithoutValidation("retry-after-ms", RetryAfterMilliseconds);
            }
            return Task.FromResult(response);
        }
    }
}
