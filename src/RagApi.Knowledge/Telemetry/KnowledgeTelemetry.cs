using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RagApi.Knowledge.Telemetry;

/// <summary>
/// Traces and metrics of the answer path (retrieval, composing, store and model calls). They carry counts,
/// durations and outcomes only, never question or passage text, so exporting them is safe for clinical use.
/// </summary>
public static class KnowledgeTelemetry
{
    public const string Name = "RagApi.Knowledge";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Answers = Meter.CreateCounter<long>(
        "ragapi.answers", "{answer}", "Answers given, by generator (fallback rate) and insufficient_evidence (refusal rate).");

    public static readonly Histogram<double> AnswerDuration = Meter.CreateHistogram<double>(
        "ragapi.answer.duration", "s", "Time to compose one answer, retrieval included.");

    public static readonly Histogram<double> RetrievalDuration = Meter.CreateHistogram<double>(
        "ragapi.retrieval.duration", "s", "Time to embed a query and search the store.");

    public static readonly Histogram<double> ComposeDuration = Meter.CreateHistogram<double>(
        "ragapi.compose.duration", "s", "Time to compose an answer from retrieved passages, by composer.");

    public static readonly Histogram<double> StoreDuration = Meter.CreateHistogram<double>(
        "ragapi.store.duration", "s", "Time of one store call, by operation and outcome.");

    public static readonly Histogram<double> ModelDuration = Meter.CreateHistogram<double>(
        "ragapi.model.duration", "s", "Time of one model call (embedding or generation), by operation, model and outcome.");

    /// <summary>Times a model call and records it, with its outcome, as a span and in <see cref="ModelDuration"/>.</summary>
    public static async Task<T> ModelCallAsync<T>(string operation, string model, Func<Task<T>> call)
    {
        using var activity = Source.StartActivity($"model {operation}", ActivityKind.Client);
        activity?.SetTag("ragapi.model", model);
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var result = await call();
            outcome = "ok";
            return result;
        }
        finally
        {
            activity?.SetTag("ragapi.outcome", outcome);
            ModelDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new("operation", operation), new("model", model), new("outcome", outcome));
        }
    }
}
