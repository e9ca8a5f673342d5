using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Hosting;
using RagApi.Hosting.Limits;
using RagApi.Hosting.OpenApi;
using RagApi.Hosting.Problems;
using RagApi.Hosting.Security;
using RagApi.Hosting.Telemetry;
using RagApi.Requests;

namespace RagApi.Hosting.Lifecycle;

internal sealed class StoreHealthCheck(IKnowledgeStore store, StoreReadiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady) return HealthCheckResult.Unhealthy(readiness.Reason);
        try
        {
            var statistics = await store.GetStatisticsAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{statistics.Documents} documents, {statistics.Chunks} chunks");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store cannot be read.", e);
        }
    }
}

public static class HealthRegistration
{
    private const string Ready = "ready";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StoreReadiness>();
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [Ready]);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        return app;
    }

    /// <summary>While the store is being prepared or cannot be opened, /v1 answers 503 problem+json with the reason.</summary>
    public static WebApplication UseReadinessGate(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var readiness = context.RequestServices.GetRequiredService<StoreReadiness>();
            if (readiness.Serves || !ProblemResponses.IsApi(context) || HttpMethods.IsOptions(context.Request.Method))
            {
                await next(context);
                return;
            }
            ProblemResponses.SetRetryAfter(context, TimeSpan.FromSeconds(10));
            await ProblemResponses.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                readiness.Status == ReadinessStatus.Unavailable ? ProblemTypes.StoreUnavailable : ProblemTypes.NotReady,
                "The service is not ready to answer.", readiness.Reason);
        });
        return app;
    }
}
