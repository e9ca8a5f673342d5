using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RagApi.Knowledge.Telemetry;

/// <summary>
/// The answer path's traces (retrieval, composing, store and model calls) and the name its meter shares (see
/// <see cref="KnowledgeMetrics"/>). Spans carry ids, counts and outcomes only, never question or passage text.
/// </summary>
public static class KnowledgeTelemetry
{
    public const string Name = "RagApi.Knowledge";

    public static readonly ActivitySource Source = new(Name);
}
