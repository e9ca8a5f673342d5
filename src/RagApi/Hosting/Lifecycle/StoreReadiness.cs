namespace RagApi.Hosting.Lifecycle;

/// <summary>Whether the service should get traffic: preparing, ready, unavailable (with the reason) or stopping.</summary>
public sealed class StoreReadiness
{
    private volatile State _state = new(ReadinessStatus.Preparing, "The store is still being prepared.");

    public ReadinessStatus Status => _state.Status;

    public string Reason => _state.Reason;

    public bool IsReady => _state.Status == ReadinessStatus.Ready;

    /// <summary>Answers are served while ready, and while stopping so that in-flight work and kept-alive clients finish.</summary>
    public bool Serves => _state.Status is ReadinessStatus.Ready or ReadinessStatus.Stopping;

    public void MarkReady() => Set(ReadinessStatus.Ready, "Ready.");

    public void MarkUnavailable(string reason) => Set(ReadinessStatus.Unavailable, reason);

    public void MarkStopping() => _state = new State(ReadinessStatus.Stopping, "The service is shutting down.");

    private void Set(ReadinessStatus status, string reason)
    {
        // Once stopping, nothing makes the service ready again.
        if (_state.Status != ReadinessStatus.Stopping) _state = new State(status, reason);
    }

    private sealed record State(ReadinessStatus Status, string Reason);
}
