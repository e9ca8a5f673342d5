using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Limits;
using RagApi.Hosting.Security;

namespace RagApi.Hosting;

/// <summary>
/// The versioned API as one route group carrying its rules once: an API key (when keys are configured), the
/// per-client rate limit, a ready store and the body limit. Nothing outside the group (health, docs, widget) is touched.
/// </summary>
public static class ApiGroupExtensions
{
    public const string Prefix = "/v1";

    public static RouteGroupBuilder MapApiV1(this WebApplication app) =>
        app.MapGroup(Prefix)
            .RequireAuthorization(ApiKeyAuthentication.Policy)
            .RequireRateLimiting(RateLimitExtensions.PerClientPolicy)
            .RequireReadiness()
            .WithBodyLimit();
}
