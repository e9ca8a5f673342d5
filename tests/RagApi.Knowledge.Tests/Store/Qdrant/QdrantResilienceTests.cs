using Grpc.Core;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Store.Qdrant;

/// <summary>The pipeline around every Qdrant call under injected gRPC faults, on fake time (no real waits).</summary>
public sealed class QdrantResilienceTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>Fails the first <paramref name="failures"/> calls with <paramref name="status"/>, then answers as a healthy server.</summary>
    private static QdrantHarness FailingFirst(int failures, StatusCode status, Action<Knowledge.Storage.Qdrant.QdrantResilienceOptions>? resilience = null)
    {
        var qdrant = new QdrantHarness(resilience);
        var calls = 0;
        qdrant.Server.Answer = (method, _) => Interlocked.Increment(ref calls) <= failures
            ? throw FakeQdrant.Fault(status)
            : QdrantAnswers.Healthy(method, QdrantHarness.Model, FakeEmbedder.Size);
        return qdrant;
    }

    private Task<IReadOnlyList<RetrievedPassage>> SearchAsync(QdrantHarness qdrant) =>
        qdrant.Store.SearchAsync(new PassageQuery("amifampridine", FakeEmbedder.Embed("amifampridine"), SearchFilters.None, 5), _ct);

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.DeadlineExceeded)]
    [InlineData(StatusCode.ResourceExhausted)]
    [InlineData(StatusCode.Aborted)]
    public async Task A_transient_status_is_retried_until_the_call_succeeds(StatusCode status)
    {
        var qdrant = FailingFirst(2, status);

        await SearchAsync(qdrant);

        Assert.Equal(3, qdrant.Server.CallsTo("Points/QueryBatch"));
    }

    [Theory]
    [InlineData(StatusCode.InvalidArgument)]
    [InlineData(StatusCode.Internal)]
    [InlineData(StatusCode.FailedPrecondition)]
    public async Task A_non_transient_status_is_not_retried_and_keeps_its_error(StatusCode status)
    {
        var qdrant = FailingFirst(1, status);

        var error = await Assert.ThrowsAsync<RpcException>(() => SearchAsync(qdrant));

        Assert.Equal((status, 1), (error.StatusCode, qdrant.Server.CallsTo("Points/QueryBatch")));
    }

    [Fact]
    public async Task Transient_failures_beyond_the_retries_surface_as_store_unavailable()
    {
        var qdrant = FailingFirst(int.MaxValue, StatusCode.Unavailable);

        var error = await Assert.ThrowsAsync<KnowledgeStoreUnavailableException>(() => SearchAsync(qdrant));

        Assert.Equal((1 + qdrant.Options.Resilience.RetryAttempts, true), (qdrant.Server.CallsTo("Points/QueryBatch"), error.Message.Contains("http://qdrant.test:6334")));
    }

    [Fact]
    public async Task A_refused_api_key_is_store_unavailable_naming_the_setting_without_retries()
    {
        var qdrant = FailingFirst(int.MaxValue, StatusCode.Unauthenticated);

        var error = await Assert.ThrowsAsync<KnowledgeStoreUnavailableException>(() => SearchAsync(qdrant));

        Assert.Equal((1, true), (qdrant.Server.CallsTo("Points/QueryBatch"), error.Message.Contains("Qdrant:ApiKey")));
    }

    [Fact]
    public async Task The_breaker_opens_after_repeated_failures_and_then_spares_the_server()
    {
        var qdrant = FailingFirst(int.MaxValue, StatusCode.Unavailable, r => r.RetryAttempts = 0);
        for (var i = 0; i < qdrant.Options.Resilience.MinimumThroughput; i++)
            await Assert.ThrowsAsync<KnowledgeStoreUnavailableException>(() => SearchAsync(qdrant));

        var error = await Assert.ThrowsAsync<KnowledgeStoreUnavailableException>(() => SearchAsync(qdrant));

        Assert.Equal((qdrant.Options.Resilience.MinimumThroughput, qdrant.Options.Resilience.BreakDuration),
            (qdrant.Server.CallsTo("Points/QueryBatch"), error.RetryAfter));
    }

    [Fact]
    public async Task The_breaker_lets_a_call_through_once_the_break_is_over_and_closes_when_it_succeeds()
    {
        var qdrant = FailingFirst(4, StatusCode.Unavailable, r => r.RetryAttempts = 0);
        for (var i = 0; i < 4; i++) await Assert.ThrowsAsync<KnowledgeStoreUnavailableException>(() => SearchAsync(qdrant));
        await Assert.ThrowsAsync<KnowledgeStoreUnavailableException>(() => SearchAsync(qdrant));

        qdrant.Time.Advance(qdrant.Options.Resilience.BreakDuration + TimeSpan.FromSeconds(1));
        await SearchAsync(qdrant);
        await SearchAsync(qdrant);

        Assert.Equal(6, qdrant.Server.CallsTo("Points/QueryBatch"));
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_as_store_unavailable()
    {
        var qdrant = new QdrantHarness(r => r.RetryAttempts = 0);
        qdrant.Server.Answer = (_, _) => null;

        var search = SearchAsync(qdrant);
        qdrant.Time.Advance(qdrant.Options.Resilience.AttemptTimeout + TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<KnowledgeStoreUnavailableException>(() => search);
    }

    [Fact]
    public async Task Retries_wait_with_back_off_on_the_pipelines_clock()
    {
        var qdrant = FailingFirst(1, StatusCode.Unavailable, r => r.RetryDelay = TimeSpan.FromSeconds(2));

        var search = SearchAsync(qdrant);
        var waited = (search.IsCompleted, qdrant.Server.CallsTo("Points/QueryBatch"));
        qdrant.Time.Advance(TimeSpan.FromSeconds(5));
        await search;

        Assert.Equal(((false, 1), 2), (waited, qdrant.Server.CallsTo("Points/QueryBatch")));
    }
}
