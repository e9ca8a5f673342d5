using System.Net;
using RagApi.Testing;

namespace RagApi.Api.Tests.Faults;

/// <summary>A store that starts failing while the service runs: 503 problems, then answers again once it recovers.</summary>
public sealed class StoreFailingMidRunTests : IAsyncDisposable
{
    private readonly ControllableStore _store;
    private readonly RagApiApplication _app;

    public StoreFailingMidRunTests(SeedIndex index)
    {
        _store = new ControllableStore(index.StorePath);
        _app = new RagApiApplication(index, services: _store.RegisterIn);
    }

    /// <summary>Starts the service on a healthy store; the faults below happen while it runs.</summary>
    private async Task StartAsync()
    {
        using var ready = await _app.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private Task<HttpResponseMessage> AskAsync() => _app.PostAsync("/v1/answers", new { question = "How is Lambert-Eaton myasthenic syndrome treated?" });

    [Fact]
    public async Task While_the_store_fails_answers_are_503_problems_with_retry_after()
    {
        await StartAsync();
        _store.Failing = true;

        using var response = await AskAsync();

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "application/problem+json", "urn:ragapi:problem:store-unavailable", true),
            (problem.Status, problem.MediaType, problem.Type, response.Headers.RetryAfter is not null));
    }

    [Fact]
    public async Task While_the_store_fails_the_service_is_not_ready()
    {
        await StartAsync();
        _store.Failing = true;

        using var response = await _app.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Once_the_store_recovers_answers_are_served_again()
    {
        await StartAsync();
        _store.Failing = true;
        using (var failing = await AskAsync()) Assert.Equal(HttpStatusCode.ServiceUnavailable, failing.StatusCode);

        _store.Failing = false;
        var answer = await ApiJson.ReadOkAsync<ApiAnswer>(await AskAsync());

        AnswerContract.AssertHolds(answer);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
