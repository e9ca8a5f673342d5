namespace RagApi.Hosting.Lifecycle;

/// <summary>Marks the endpoints that need a ready store (see <see cref="ReadinessExtensions.RequireReadiness"/>).</summary>
internal sealed class ReadinessRequiredMetadata;
