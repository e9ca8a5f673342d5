using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using RagApi.Hosting;
using RagApi.Hosting.Limits;
using RagApi.Hosting.OpenApi;
using RagApi.Hosting.Problems;
using RagApi.Hosting.Security;
using RagApi.Hosting.Telemetry;
using RagApi.Requests;

namespace RagApi.Hosting.Lifecycle;

public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>How long readiness reports unhealthy, while requests are still accepted, before the server stops listening.</summary>
    [Range(0, 600, ErrorMessage = "Shutdown:DrainSeconds must be between 0 and 600.")]
    public double DrainSeconds { get; set; }

    /// <summary>How long in-flight requests may take to finish once the server stops listening.</summary>
    [Range(1, 3600, ErrorMessage = "Shutdown:TimeoutSeconds must be between 1 and 3600.")]
    public double TimeoutSeconds { get; set; } = 30;
}

/// <summary>
/// On SIGTERM readiness drops first (a load balancer stops sending traffic), then after the drain delay the
/// server stops listening and waits for in-flight answers to finish, up to the shutdown timeout.
/// </summary>
internal sealed class ReadinessDrain(StoreReadiness readiness, IOptions<ShutdownOptions> options, TimeProvider time) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        readiness.MarkStopping();
        if (options.Value.DrainSeconds > 0)
            await Task.Delay(TimeSpan.FromSeconds(options.Value.DrainSeconds), time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class GracefulShutdown
{
    public static WebApplicationBuilder AddGracefulShutdown(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(shutdown.Value.DrainSeconds + shutdown.Value.TimeoutSeconds));
        builder.Services.AddHostedService<ReadinessDrain>();
        return builder;
    }
}
