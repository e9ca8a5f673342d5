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
public static class QdrantResilience
{
    public const string PipelineName = "qdrant-store";

    public static readonly IReadOnlySet<StatusCode> TransientStatuses = new HashSet<StatusCode>
    {
        StatusCode.Unavailable, StatusCode.DeadlineExceeded, StatusCode.ResourceExhausted, StatusCode.Aborted,
    };

    public static bool IsTransient(Exception exception) =>
        exception is TimeoutRejectedException || exception is RpcException rpc && TransientStatuses.Contains(rpc.StatusCode);

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
}
