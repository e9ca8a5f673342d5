namespace RagApi.Eval.Tests.Support;

/// <summary>
/// The <see cref="BeirServer"/> with a rate limit far below what a run asks: bursts of two requests, then one every
/// half second per key, so concurrent requests are answered 429 with Retry-After.
/// </summary>
public sealed class RateLimitedBeirServer() : BeirServer(new Dictionary<string, string>
{
    ["RateLimits__Burst"] = "2",
    ["RateLimits__PermitsPerMinute"] = "120",
});
