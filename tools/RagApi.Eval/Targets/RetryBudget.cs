namespace RagApi.Eval.Targets;

/// <summary>
/// How long one request may wait for a busy service: a 429 waits its Retry-After, a 503 its Retry-After (or
/// FallbackDelay); once the waits of one request would exceed Total, the request fails with the last status.
/// </summary>
public sealed record RetryBudget(TimeSpan Total, TimeSpan FallbackDelay)
{
    public static readonly RetryBudget Default = new(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));

    public static readonly RetryBudget None = new(TimeSpan.Zero, TimeSpan.Zero);
}
