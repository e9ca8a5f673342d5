using Grpc.Core;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace RagApi.Knowledge.Storage.Qdrant;

/// <summary>
/// The pipeline around every Qdrant call: retry with jittered exponential back-off, then a circuit breaker, then a
/// per-attempt timeout. Only transient faults are retried and counted: a bad request fails at once.
/// </summary>
internal static class QdrantResilience
{
    public const string PipelineName = "qdrant-store";

    public static readonly IReadOnlySet<StatusCode> TransientStatuses = new HashSet<StatusCode>
    {
        StatusCode.Unavailable, StatusCode.DeadlineExceeded, StatusCode.Aborted,
    };

    /// <summary>
    /// Qdrant reports a replica set that cannot serve right now as Internal ("Service internal error: ..."), and a
    /// failure forwarded from another peer with that peer's message (lib/collection/src/shards/replica_set/,
    /// lib/collection/src/operations/types.rs). These pass once the cluster has moved replicas or a peer is back.
    /// </summary>
    public static readonly IReadOnlyList<string> TransientClusterMessages =
    [
        "has no active replica",
        "does not have enough active replicas",
        "failed during forward proxy operation",
        "read operations failed",
        "Shard temporarily unavailable",
    ];

    /// <summary>
    /// ResourceExhausted means two things: Qdrant's rate limiter ("Rate limiting exceeded", with a retry-after
    /// trailer), which passes, and a message over the gRPC size limit or a full disk ("Insufficient storage"), which
    /// a retry only repeats. Only the first is transient.
    /// </summary>
    public static bool IsRateLimited(RpcException rpc) =>
        rpc.Status.Detail.StartsWith("Rate limiting exceeded", StringComparison.OrdinalIgnoreCase) ||
        rpc.Trailers.Any(t => string.Equals(t.Key, "retry-after", StringComparison.OrdinalIgnoreCase));

    public static bool IsTransient(Exception exception) => exception switch
    {
        TimeoutRejectedException => true,
        RpcException { StatusCode: StatusCode.ResourceExhausted } rpc => IsRateLimited(rpc),
        RpcException { StatusCode: StatusCode.Internal } rpc => TransientClusterMessages.Any(m => rpc.Status.Detail.Contains(m, StringComparison.OrdinalIgnoreCase)),
        RpcException rpc => TransientStatuses.Contains(rpc.StatusCode),
        _ => false,
    };

    public static ResiliencePipeline Build(QdrantResilienceOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        Configure(builder, options);
        return builder.Build();
    }

    public static ResiliencePipelineBuilder Configure(ResiliencePipelineBuilder builder, QdrantResilienceOptions options)
    {
        var transient = new PredicateBuilder().Handle<Exception>(IsTransient);
        if (options.RetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.RetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }
        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumThroughput,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(options.AttemptTimeout);
    }

    /// <summary>
    /// Collection and index creation: retried like any call but under <see cref="QdrantResilienceOptions.AdminTimeout"/>,
    /// since indexing a payload field of a large collection takes minutes, and outside the breaker, which guards searches.
    /// </summary>
    public static ResiliencePipeline BuildAdmin(QdrantResilienceOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.RetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = options.RetryAttempts,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }
        return builder.AddTimeout(options.AdminTimeout).Build();
    }
}
