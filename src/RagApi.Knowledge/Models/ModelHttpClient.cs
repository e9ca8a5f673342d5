using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;

namespace RagApi.Knowledge.Models;

/// <summary>
/// The one retry layer for model calls (the SDK's own retries are off): a total timeout, retries with jitter on
/// 429, 5xx and network faults honouring Retry-After, a circuit breaker, and a timeout per attempt.
/// </summary>
public static class ModelHttpClient
{
    public static HttpClient Create(GenerationOptions options, TimeProvider time, HttpMessageHandler? innerHandler = null)
    {
        var pipeline = Pipeline(options, time);
        var handler = new ResilienceHandler(pipeline) { InnerHandler = innerHandler ?? new SocketsHttpHandler() };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public static ResiliencePipeline<HttpResponseMessage> Pipeline(GenerationOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time, Name = "model-calls" }
            .AddTimeout(TimeSpan.FromSeconds(options.TotalTimeoutSeconds));
        if (options.MaxRetries > 0)
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds),
                MaxDelay = TimeSpan.FromSeconds(options.AttemptTimeoutSeconds),
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            });
        return builder
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(60),
                BreakDuration = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            })
            .AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds))
            .Build();
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500,
        _ => false,
    };
}
