using Microsoft.AspNetCore.Mvc;

namespace RagApi.Hosting.Problems;

/// <summary>
/// Every 503 the service gives for a condition that passes by itself (a store down, not yet ready): one title,
/// Retry-After set, the reason in the detail.
/// </summary>
internal static class ServiceUnavailableProblem
{
    public const string Title = "The service cannot answer now; retry after the number of seconds in Retry-After.";

    public static ProblemDetails Create(HttpResponse response, string type, string detail, TimeSpan retryAfter)
    {
        RetryAfter.Set(response, retryAfter);
        return new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Type = type, Title = Title, Detail = detail };
    }
}
