using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace RagApi.Hosting.Lifecycle;

/// <summary>Liveness, and readiness (store open, seeded and readable); both open to probes without a key.</summary>
public static class HealthExtensions
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
}
