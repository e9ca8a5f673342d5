using Microsoft.Extensions.Diagnostics.HealthChecks;
using RagApi.Knowledge.Storage;

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
