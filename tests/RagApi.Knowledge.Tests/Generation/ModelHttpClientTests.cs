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

    private sealed class ScriptedHandler(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var status = statuses[Math.Min(Calls, statuses.Length - 1)];
            Calls++;
            var response = new HttpResponseMessage(status);
            if (status == HttpStatusCode.TooManyRequests) response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
            return Task.FromResult(response);
        }
    }
}
