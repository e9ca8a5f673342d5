using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RagApi.Hosting;
using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Limits;
using RagApi.Hosting.OpenApi;
using RagApi.Hosting.Problems;
using RagApi.Hosting.Telemetry;
using RagApi.Requests;

namespace RagApi.Hosting.Security;

/// <summary>Per-client token bucket for /v1: refills PermitsPerMinute evenly, holds at most Burst.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 10_000_000, ErrorMessage = "RateLimits:PermitsPerMinute must be between 1 and 10,000,000.")]
    public int PermitsPerMinute { get; set; } = 600;

    [Range(1, 1_000_000, ErrorMessage = "RateLimits:Burst must be between 1 and 1,000,000.")]
    public int Burst { get; set; } = 60;
}

/// <summary>
/// A client is its API key's hash when keys are configured, else its IP address. Over the limit: 429
/// problem+json with Retry-After.
/// </summary>
public static class RateLimits
{
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
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
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                ProblemResponses.IsApi(context) && !HttpMethods.IsOptions(context.Request.Method)
                    ? RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => bucket)
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                ProblemResponses.SetRetryAfter(rejected.HttpContext, retryAfter);
                await ProblemResponses.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, ProblemTypes.RateLimited,
                    "Too many requests.", $"This client may send {limits.Value.PermitsPerMinute} requests a minute (bursts of {limits.Value.Burst}); retry after the time in Retry-After.");
            };
        });
        return builder;
    }

    public static WebApplication UseRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static string ClientOf(HttpContext context) =>
        context.Items.TryGetValue(ApiKeys.ClientItem, out var client) && client is string key
            ? key
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
