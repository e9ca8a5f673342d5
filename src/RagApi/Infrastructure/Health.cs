using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RagApi.Knowledge.Store;

namespace RagApi.Infrastructure;

/// <summary>Set once the store has been opened (and seeded when it was empty); until then, why not.</summary>
public sealed class StoreReadiness
{
    private volatile bool _ready;
    private volatile string? _problem;

    public bool IsReady => _ready;

    public string Problem => _problem ?? "The store is still being prepared.";

    public void MarkReady() => _ready = true;

    public void MarkUnavailable(string reason) => _problem = reason;
}

internal sealed class StoreHealthCheck(IKnowledgeStore store, StoreReadiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady) return HealthCheckResult.Unhealthy(readiness.Problem);
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
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [Ready]);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        return app;
    }
}
