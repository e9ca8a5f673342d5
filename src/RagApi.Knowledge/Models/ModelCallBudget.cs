namespace RagApi.Knowledge.Models;

/// <summary>
/// The moment by which the model calls of the current answer must end. It flows with the call (AsyncLocal) down to
/// the HTTP retry layer, which the SDK's request objects give no other way to reach, so a retry whose wait would
/// pass it gives up at once instead of sleeping into the request's time limit.
/// </summary>
internal static class ModelCallBudget
{
    private static readonly AsyncLocal<DateTimeOffset?> Deadline = new();

    public static DateTimeOffset? Current => Deadline.Value;

    public static TimeSpan? Remaining(TimeProvider time) => Current is { } deadline ? deadline - time.GetUtcNow() : null;

    /// <summary>Sets the deadline for calls made inside the returned scope (never later than one already set).</summary>
    public static IDisposable Until(DateTimeOffset deadline)
    {
        var previous = Deadline.Value;
        Deadline.Value = previous is { } outer && outer < deadline ? outer : deadline;
        return new Scope(previous);
    }

    private sealed class Scope(DateTimeOffset? previous) : IDisposable
    {
        public void Dispose() => Deadline.Value = previous;
    }
}

/// <summary>The server asked for a wait longer than the answer has left; retrying could only miss the deadline.</summary>
internal sealed class RetryBudgetExceededException(TimeSpan wait)
    : Exception($"The model server asked to retry after {wait.TotalSeconds:0.###} s, past the answer's deadline.");
