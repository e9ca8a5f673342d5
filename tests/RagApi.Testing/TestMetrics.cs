using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using RagApi.Knowledge.Telemetry;

namespace RagApi.Testing;

/// <summary>Knowledge metrics on a meter factory of their own, for services a test builds without a host.</summary>
internal static class TestMetrics
{
    public static KnowledgeMetrics Create() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());
}
