using Microsoft.Extensions.Options;

namespace RagApi.Hosting.Lifecycle;

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
