using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RagApi.Hosting.Problems;

namespace RagApi.Hosting.Security;

/// <summary>
/// The <see cref="PerClientPolicy"/> limiter: a client is its API key's hash when keys are configured, else its IP
/// address. Over the limit: 429 problem+json with Retry-After.
/// </summary>
public static class RateLimitExtensions
{
    public const string PerClientPolicy = "per-client";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            var bucket = new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.Value.Burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / limits.Value.PermitsPerMinute,
                QueueLimit = 0,
                AutoReplenishment = true,
            };
            limiter.AddPolicy(PerClientPolicy, context => RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => bucket));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                RetryAfter.Set(rejected.HttpContext.Response, retryAfter);
                await ProblemResponses.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, ProblemTypes.RateLimited,
                    "Too many requests.", $"This client may send {limits.Value.PermitsPerMinute} requests a minute (bursts of {limits.Value.Burst}); retry after the time in Retry-After.");
            };
        });
        return builder;
    }

    /// <summary>After authorization, so the partition is the authenticated client.</summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    internal static string ClientOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } hash }
            ? "key:" + hash
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
