using System.Net;
using RagApi.Testing;

namespace RagApi.Api.Tests.Faults;

/// <summary>
/// A failing remote embedding endpoint never gives a 500. Search still answers, from BM25 alone, and says so; an
/// answer needs the question's vector (its sentences are scored against the calibrated relevance threshold, which
/// decides insufficient evidence), so it is a 503 problem with Retry-After instead of a guess.
/// The endpoint's failures are those the OpenAI and Azure OpenAI services document (<see cref="EmbeddingOutage"/>).
/// </summary>
public sealed class EmbeddingEndpointFailureTests(SeedIndex index) : IAsyncLifetime
{
    private const string Question = "What treats Lambert-Eaton myasthenic syndrome? Is amifampridine first-line?";
    private RemoteEmbeddingsHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await RemoteEmbeddingsHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_healthy_endpoint_gives_a_hybrid_search_with_no_notice()
    {
        await using var app = _host.App(index);

        var search = await app.SearchAsync(new { query = Question });

        Assert.Equal((false, 0, true), (search.Degraded, search.Notices!.Count, search.Passages.All(p => p.Scores.Dense is not null)));
    }

    [Theory]
    [InlineData(EmbeddingOutage.ServerError)]
    [InlineData(EmbeddingOutage.Overloaded)]
    [InlineData(EmbeddingOutage.RateLimited)]
    [InlineData(EmbeddingOutage.Hangs)]
    [InlineData(EmbeddingOutage.Unauthorised)]
    internal async Task Search_on_a_failing_endpoint_answers_from_bm25_and_says_dense_retrieval_was_unavailable(EmbeddingOutage outage)
    {
        await using var app = _host.App(index);
        _host.Endpoint.Outage = outage;

        var search = await app.SearchAsync(new { query = Question });

        Assert.Equal((true, "dense-retrieval-unavailable", RemoteEmbeddingsHost.LemsDocument, true),
            (search.Degraded, Assert.Single(search.Notices!).Code, search.Passages[0].DocumentId, search.Passages.All(p => p.Scores.Dense is null)));
    }

    [Theory]
    [InlineData(EmbeddingOutage.ServerError, "5")]
    [InlineData(EmbeddingOutage.Overloaded, "5")]
    [InlineData(EmbeddingOutage.Hangs, "5")]
    // Azure's retry-after-ms (20 ms) is the finer wait; Retry-After is whole seconds, at least one.
    [InlineData(EmbeddingOutage.RateLimited, "1")]
    internal async Task An_answer_on_a_failing_endpoint_is_a_503_problem_with_retry_after(EmbeddingOutage outage, string retryAfter)
    {
        await using var app = _host.App(index);
        _host.Endpoint.Outage = outage;

        using var response = await app.PostAsync("/v1/answers", new { question = Question });
        var problem = await Problem.ReadAsync(response);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "application/problem+json", "urn:ragapi:problem:embeddings-unavailable", retryAfter),
            (problem.Status, problem.MediaType, problem.Type, response.Headers.RetryAfter?.ToString()));
    }

    [Fact]
    public async Task A_streamed_answer_on_a_failing_endpoint_is_a_503_problem_before_any_event()
    {
        await using var app = _host.App(index);
        _host.Endpoint.Outage = EmbeddingOutage.ServerError;

        using var response = await app.PostAsync("/v1/answers/stream", new { question = Question });
        var problem = await Problem.ReadAsync(response);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "application/problem+json", "5"),
            (problem.Status, problem.MediaType, response.Headers.RetryAfter?.ToString()));
    }

    [Fact]
    public async Task An_endpoint_that_refuses_connections_degrades_search_and_answers_503()
    {
        await using var app = _host.App(index, endpoint: RemoteEmbeddingsHost.RefusingEndpoint());

        var search = await app.SearchAsync(new { query = Question });
        using var answer = await app.PostAsync("/v1/answers", new { question = Question });

        Assert.Equal((true, HttpStatusCode.ServiceUnavailable), (search.Degraded, answer.StatusCode));
    }

    [Fact]
    public async Task Once_the_circuit_opens_answers_are_503_with_the_remaining_break_as_retry_after()
    {
        await using var app = _host.App(index);
        _host.Endpoint.Outage = EmbeddingOutage.ServerError;
        // Two questions (three attempts each, unless the breaker cuts in) fail more often than the breaker's minimum of four at a 50 % ratio.
        for (var i = 0; i < 2; i++) (await app.PostAsync("/v1/answers", new { question = Question })).Dispose();
        var attempts = _host.Endpoint.Requests.Count;

        using var response = await app.PostAsync("/v1/answers", new { question = Question });

        Assert.Equal((HttpStatusCode.ServiceUnavailable, attempts, true),
            (response.StatusCode, _host.Endpoint.Requests.Count, response.Headers.RetryAfter?.Delta > TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task An_endpoint_that_refuses_the_key_is_a_problem_naming_the_embedding_configuration_not_a_bare_500()
    {
        await using var app = _host.App(index);
        _host.Endpoint.Outage = EmbeddingOutage.Unauthorised;

        using var response = await app.PostAsync("/v1/answers", new { question = Question });
        var problem = await Problem.ReadAsync(response);

        Assert.Equal((HttpStatusCode.InternalServerError, "urn:ragapi:problem:embeddings-refused"), (problem.Status, problem.Type));
    }
}
