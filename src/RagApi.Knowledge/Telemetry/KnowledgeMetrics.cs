using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RagApi.Knowledge.Telemetry;

/// <summary>
/// The answer path's metrics, on a meter made by the host's <see cref="IMeterFactory"/>, and the one helper that
/// times a call as a span and a duration with its outcome. They carry counts, durations and outcomes only, never
/// question or passage text, so exporting them is safe for clinical use.
/// </summary>
public sealed class KnowledgeMetrics
{
    public KnowledgeMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(KnowledgeTelemetry.Name);
        Answers = meter.CreateCounter<long>(
            "ragapi.answers", "{answer}", "Answers given, by generator (fallback rate) and insufficient_evidence (refusal rate).");
        AnswerDuration = meter.CreateHistogram<double>("ragapi.answer.duration", "s", "Time to compose one answer, retrieval included.");
        RetrievalDuration = meter.CreateHistogram<double>("ragapi.retrieval.duration", "s", "Time to embed a query and search the store.");
        ComposeDuration = meter.CreateHistogram<double>("ragapi.compose.duration", "s", "Time to compose an answer from retrieved passages, by composer.");
        StoreDuration = meter.CreateHistogram<double>("ragapi.store.duration", "s", "Time of one store call, by operation and outcome.");
        ModelDuration = meter.CreateHistogram<double>(
            "ragapi.model.duration", "s", "Time of one model call (embedding or generation), by operation, model and outcome.");
    }

    public Counter<long> Answers { get; }

    public Histogram<double> AnswerDuration { get; }

    public Histogram<double> RetrievalDuration { get; }

    public Histogram<double> ComposeDuration { get; }

    public Histogram<double> StoreDuration { get; }

    public Histogram<double> ModelDuration { get; }

    /// <summary>
    /// Runs <paramref name="call"/> inside a span named <paramref name="span"/> and records its duration in
    /// <paramref name="duration"/> with <paramref name="tags"/> and an <c>outcome</c> of ok or error.
    /// </summary>
    public static async Task<T> MeasureAsync<T>(string span, Histogram<double> duration, TagList tags, Func<Activity?, Task<T>> call,
        ActivityKind kind = ActivityKind.Internal)
    {
        using var activity = KnowledgeTelemetry.Source.StartActivity(span, kind);
        foreach (var tag in tags) activity?.SetTag($"ragapi.{tag.Key}", tag.Value);
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var result = await call(activity);
            outcome = "ok";
            return result;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        finally
        {
            activity?.SetTag("ragapi.outcome", outcome);
            tags.Add("outcome", outcome);
            duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    /// <summary>A model call (embedding or generation), timed as a client span and in <see cref="ModelDuration"/>.</summary>
    public Task<T> ModelCallAsync<T>(string operation, string model, Func<Task<T>> call) =>
        MeasureAsync($"model {operation}", ModelDuration, new TagList { { "operation", operation }, { "model", model } }, _ => call(), ActivityKind.Client);
}
