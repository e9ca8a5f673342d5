namespace RagApi.Hosting.Lifecycle;

public enum ReadinessStatus
{
    Preparing,
    Ready,
    Unavailable,
    Stopping,
}
