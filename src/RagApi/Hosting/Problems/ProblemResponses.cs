using RagApi.Hosting;
using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Limits;
using RagApi.Hosting.OpenApi;
using RagApi.Hosting.Security;
using RagApi.Hosting.Telemetry;
using RagApi.Requests;
namespace RagApi.Hosting.Problems;

/// <summary>Stable problem types (URNs, so they never depend on a host name) and one way to write them.</summary>
public static class ProblemTypes
{
    public const string ApiKeyRequired = "urn:ragapi:problem:api-key-required";
    public const string ApiKeyInvalid = "urn:ragapi:problem:api-key-invalid";
    public const string RateLimited = "urn:ragapi:problem:rate-limited";
    public const string BodyTooLarge = "urn:ragapi:problem:body-too-large";
    public const string Timeout = "urn:ragapi:problem:timeout";
    public const string StoreUnavailable = "urn:ragapi:problem:store-unavailable";
    public const string NotReady = "urn:ragapi:problem:not-ready";
    public const string Misconfigured = "urn:ragapi:problem:misconfigured";
}

internal static class ProblemResponses
{
    public static async Task WriteAsync(HttpContext context, int status, string type, string title, string? detail = null)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Type = type, Title = title, Detail = detail },
        });
    }

    public static void SetRetryAfter(HttpContext context, TimeSpan after) =>
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/v1");
}
