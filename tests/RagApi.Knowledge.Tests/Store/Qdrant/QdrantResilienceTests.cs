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

    /// <summary>Fails the first <paramref name="failures"/> calls with <paramref name="fault"/>, then answers as a healthy server.</summary>
    private static QdrantHarness FailingFirst(int failures, RpcException fault)
    {
        var qdrant = new QdrantHarness();
        var calls = 0;
        qdrant.Server.Answer = (method, _) => Interlocked.Increment(ref calls) <= failures
            ? throw fault
            : QdrantAnswers.Healthy(method, QdrantHarness.Model, FakeEmbedder.Size);
        return qdrant;
    }

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.DeadlineExceeded)]
    [InlineData(StatusCode.Aborted)]
    public async Task A_transient_status_is_retried_until_the_call_succeeds(StatusCode status)
    {
        var qdrant = FailingFirst(2, status);

        await SearchAsync(qdrant);

        Assert.Equal(3, qdrant.Server.CallsTo("Points/QueryBatch"));
    }

    /// <summary>
    /// Qdrant's own rate limiter answers ResourceExhausted "Rate limiting exceeded: ..." with a retry-after trailer
    /// (lib/storage/src/content_manager/conversions.rs): that passes, so it is retried.
    /// </summary>
    [Fact]
    public async Task Qdrants_rate_limit_is_retried()
    {
        var qdrant = FailingFirst(2, new RpcException(new Status(StatusCode.ResourceExhausted, "Rate limiting exceeded: Read rate limit exceeded"),
            new Metadata { { "retry-after", "1" } }));

        await SearchAsync(qdrant);

        Assert.Equal(3, qdrant.Server.CallsTo("Points/QueryBatch"));
    }

    /// <summary>
    /// A request over the gRPC message limit fails ResourceExhausted without any retry-after (grpc-dotnet: "Received
    /// message exceeds the maximum configured message size."; tonic on the server: "decoded message length too large"),
    /// as does a full disk ("Insufficient storage"). Sending it again fails the same way.
    /// </summary>
    [Theory]
    [InlineData("Received message exceeds the maximum configured message size.")]
    [InlineData("decoded message length too large: found 40012345 bytes, the limit is: 33554432 bytes")]
    [InlineData("Insufficient storage: No space left on device")]
    public async Task A_message_size_or_storage_resource_exhausted_is_not_retried(string detail)
    {
        var qdrant = FailingFirst(int.MaxValue, FakeQdrant.Fault(StatusCode.ResourceExhausted, detail));

        var error = await Assert.ThrowsAsync<RpcException>(() => SearchAsync(qdrant));

        Assert.Equal((StatusCode.ResourceExhausted, 1), (error.StatusCode, qdrant.Server.CallsTo("Points/QueryBatch")));
    }

    /// <summary>
    /// A replica set that cannot serve, or a peer's failure forwarded, reaches the client as Internal with these
    /// messages (lib/collection/src/shards/replica_set/{update,execute_read_operation}.rs, operations/types.rs).
    /// </summary>
    [Theory]
    [InlineData("Service internal error: The replica set for shard 3 on peer 7214 has no active replica")]
    [InlineData("Service internal error: The replica set for shard 1 on peer 42 does not have enough active replicas")]
    [InlineData("Remote shard on 9001 failed during forward proxy operation: Service internal error: transport error")]
    [InlineData("Service internal error: 1 of 2 read operations failed:\n  Service internal error: connection reset")]
    public async Task A_transient_cluster_failure_is_retried_and_then_is_store_unavailable_not_an_internal_error(string detail)
    {
        var retried = FailingFirst(2, FakeQdrant.Fault(StatusCode.Internal, detail));
        await SearchAsync(retried);
        var exhausted = FailingFirst(int.MaxValue, FakeQdrant.Fault(StatusCode.Internal, detail));

        await Assert.ThrowsAsync<KnowledgeStoreUnavailableException>(() => SearchAsync(exhausted));
        Assert.Equal(3, retried.Server.CallsTo("Points/QueryBatch"));
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
