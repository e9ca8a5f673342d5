using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace RagApi.Knowledge.Models;

/// <summary>
/// The one retry layer for model calls (the SDK's own retries are off): a total timeout, retries with jitter on
/// 429, 5xx and network faults honouring retry-after-ms and Retry-After, a circuit breaker, and a timeout per
/// attempt. Each client has its own pipeline, so chat and embeddings are separate failure domains: failed chat
/// calls never open the breaker that query embeddings go through.
/// </summary>
internal static class ModelHttpClient
{
    public static HttpClient Create(GenerationOptions options, TimeProvider time, HttpMessageHandler? innerHandler = null, string name = "model-calls")
    {
        var pipeline = Pipeline(options, time, name);
        var handler = new ResilienceHandler(pipeline) { InnerHandler = innerHandler ?? new SocketsHttpHandler() };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public static ResiliencePipeline<HttpResponseMessage> Pipeline(GenerationOptions options, TimeProvider time, string name = "model-calls")
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time, Name = name }
            .AddTimeout(TimeSpan.FromSeconds(options.TotalTimeoutSeconds));
        if (options.MaxRetries > 0)
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds),
                MaxDelay = TimeSpan.FromSeconds(options.TotalTimeoutSeconds),
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter.Of(response, time) : null),
                ShouldHandle = async args => IsTransient(args.Outcome) && !await IsQuotaExhaustedAsync(args.Outcome) && WaitFitsBudget(args.Outcome, time),
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

    /// <summary>A 429 whose error code is insufficient_quota is a billing limit: no wait makes it succeed.</summary>
    private static async ValueTask<bool> IsQuotaExhaustedAsync(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Result is not { StatusCode: HttpStatusCode.TooManyRequests } response) return false;
        await response.Content.LoadIntoBufferAsync();
        var body = await response.Content.ReadAsStringAsync();
        return body.Contains("insufficient_quota", StringComparison.Ordinal);
    }

    private static bool WaitFitsBudget(Outcome<HttpResponseMessage> outcome, TimeProvider time) =>
        outcome.Result is not { } response
        || RetryAfter.Of(response, time) is not { } wait
        || ModelCallBudget.Remaining(time) is not { } remaining
        || wait < remaining;
}
