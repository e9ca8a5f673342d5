using System.ClientModel;
using System.Globalization;
using Polly;
using Polly.CircuitBreaker;
using RagApi.Knowledge.Models;

namespace RagApi.Knowledge.Embeddings;

/// <summary>
/// The remote embedding endpoint gave no vectors: down, overloaded, rate-limited, timing out or its circuit open
/// (transient: retry after <see cref="RetryAfter"/>), or refusing the configured credentials, model or quota (not
/// transient). The message names the endpoint by scheme, host and port only, so no key or query string leaks.
/// </summary>
public sealed class EmbeddingEndpointException : KnowledgeException
{
    private EmbeddingEndpointException(string message, string reason, bool transient, TimeSpan? retryAfter, Exception innerException)
        : base(message, innerException) => (Reason, IsTransient, RetryAfter) = (reason, transient, retryAfter);

    /// <summary>The failure's category (timeout, rate-limited, unavailable, unauthorised, not found, refused, quota exhausted).</summary>
    public string Reason { get; }

    public override bool IsTransient { get; }

    /// <summary>The wait the endpoint asked for (Retry-After, retry-after-ms) or the circuit's remaining break, when known.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True for what a call to the endpoint throws when it fails: transport, HTTP status, timeout, breaker.</summary>
    internal static bool IsEndpointFailure(Exception error) =>
        error is ClientResultException or HttpRequestException or ExecutionRejectedException or TimeoutException or OperationCanceledException;

    internal static EmbeddingEndpointException From(Exception error, string endpoint, string modelId)
    {
        var result = error as ClientResultException;
        var status = result?.Status is > 0 and var code ? code : (int?)null;
        // A 429 for insufficient_quota is a billing limit (the pipeline does not retry it either): no wait helps.
        var quotaExhausted = status == 429 && result?.GetRawResponse()?.Content.ToString().Contains("insufficient_quota", StringComparison.Ordinal) == true;
        var failure = ModelFailure.Classify(error);
        var reason = quotaExhausted ? "quota exhausted" : ModelFailure.Category(failure);
        var transient = !quotaExhausted && failure is ModelFailureReason.Timeout or ModelFailureReason.RateLimited or ModelFailureReason.Unavailable;
        var what = status is { } s ? $"HTTP {s.ToString(CultureInfo.InvariantCulture)}" : error is BrokenCircuitException ? "circuit open after repeated failures" : "no response";
        var message = $"The embedding endpoint {endpoint} ({modelId}) failed: {reason} ({what}{(transient ? ", after the configured retries" : "")}).";
        return new EmbeddingEndpointException(message, reason, transient, RetryAfterOf(error), error);
    }

    private static TimeSpan? RetryAfterOf(Exception error)
    {
        if (error is BrokenCircuitException { RetryAfter: { } remaining }) return remaining;
        if (error is not ClientResultException result || result.GetRawResponse() is not { } response) return null;
        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
            return TimeSpan.FromMilliseconds(milliseconds);
        return response.Headers.TryGetValue("Retry-After", out var after)
            && int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
    }
}
