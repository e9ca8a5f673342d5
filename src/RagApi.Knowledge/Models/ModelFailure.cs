namespace RagApi.Knowledge.Models;

/// <summary>Why a model call gave no usable answer; logs name only this, never text of the conversation.</summary>
internal enum ModelFailureReason
{
    Timeout,
    RateLimited,
    Refused,
    Filtered,
    Unauthorised,
    NotFound,
    Malformed,
    Unavailable,
}

/// <summary>A model call that failed for a known reason; the answer falls back to the extractive composer.</summary>
internal sealed class ModelCallException(ModelFailureReason reason, string message, Exception? innerException = null)
    : KnowledgeException(message, innerException)
{
    public ModelFailureReason Reason { get; } = reason;

    public override bool IsTransient => Reason is ModelFailureReason.Timeout or ModelFailureReason.RateLimited or ModelFailureReason.Unavailable;
}

internal static class ModelFailure
{
    /// <summary>The log category of a reason: timeout, rate-limited, refused, filtered, unauthorised, not found, malformed, unavailable.</summary>
    public static string Category(ModelFailureReason reason) => reason switch
    {
        ModelFailureReason.Timeout => "timeout",
        ModelFailureReason.RateLimited => "rate-limited",
        ModelFailureReason.Refused => "refused",
        ModelFailureReason.Filtered => "filtered",
        ModelFailureReason.Unauthorised => "unauthorised",
        ModelFailureReason.NotFound => "not found",
        ModelFailureReason.Malformed => "malformed",
        _ => "unavailable",
    };

    /// <summary>Sorts any exception a model call can throw (SDK, HTTP, resilience, JSON) into a reason.</summary>
    public static ModelFailureReason Classify(Exception error) => error switch
    {
        ModelCallException known => known.Reason,
        Polly.Timeout.TimeoutRejectedException or TimeoutException or OperationCanceledException => ModelFailureReason.Timeout,
        Polly.CircuitBreaker.BrokenCircuitException => ModelFailureReason.Unavailable,
        RetryBudgetExceededException => ModelFailureReason.RateLimited,
        Microsoft.SemanticKernel.HttpOperationException { StatusCode: { } status } => OfStatus((int)status),
        System.ClientModel.ClientResultException { Status: > 0 } result => OfStatus(result.Status),
        HttpRequestException { StatusCode: { } status } => OfStatus((int)status),
        HttpRequestException => ModelFailureReason.Unavailable,
        System.Text.Json.JsonException or FormatException or InvalidOperationException => ModelFailureReason.Malformed,
        _ when error.InnerException is { } inner => Classify(inner),
        _ => ModelFailureReason.Malformed,
    };

    public static ModelFailureReason OfStatus(int status) => status switch
    {
        401 or 403 => ModelFailureReason.Unauthorised,
        404 => ModelFailureReason.NotFound,
        408 => ModelFailureReason.Timeout,
        429 => ModelFailureReason.RateLimited,
        >= 500 => ModelFailureReason.Unavailable,
        _ => ModelFailureReason.Refused,
    };
}
