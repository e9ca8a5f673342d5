using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using RagApi.Testing;

namespace RagApi.Api.Tests.Observability;

/// <summary>
/// The answer path emits spans and metrics for retrieval, composing, store and model calls. Each test sends its
/// own trace id and keeps only what was recorded under it, so tests running alongside do not count.
/// </summary>
public sealed class TelemetryTests(SeedIndex index) : IAsyncDisposable
{
    private const string InScope = "How is Lambert-Eaton myasthenic syndrome treated?";
    private const string OutOfScope = "How do I change the oil in a diesel car engine?";
    private readonly RagApiApplication _app = new(index);
    private readonly ActivityTraceId _traceId = ActivityTraceId.CreateRandom();

    private async Task AskAsync(string question)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/answers")
        {
            Content = new StringContent($"{{\"question\":\"{question}\"}}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{_traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await _app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private async Task<IReadOnlyList<Activity>> SpansOfAsync(string question)
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "RagApi.Knowledge" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { if (activity.TraceId == _traceId && activity.Source.Name == "RagApi.Knowledge") spans.Add(activity); },
        };
        ActivitySource.AddActivityListener(listener);
        await AskAsync(question);
        return spans.ToList();
    }

    private async Task<IReadOnlyList<(string Instrument, IReadOnlyDictionary<string, object?> Tags)>> MeasurementsOfAsync(string question)
    {
        var measurements = new ConcurrentBag<(string, IReadOnlyDictionary<string, object?>)>();
        using var spanListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "RagApi.Knowledge" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(spanListener);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == "RagApi.Knowledge") l.EnableMeasurementEvents(instrument); },
        };
        void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (Activity.Current?.TraceId == _traceId) measurements.Add((instrument.Name, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        }
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        listener.Start();
        await AskAsync(question);
        return measurements.ToList();
    }

    [Fact]
    public async Task An_answer_is_traced_through_retrieval_the_model_the_store_and_composing()
    {
        var spans = await SpansOfAsync(InScope);

        Assert.Subset(spans.Select(s => s.DisplayName).ToHashSet(),
            new HashSet<string> { "answer", "retrieve", "model embed", "store search", "store sentence_vectors", "compose" });
    }

    [Fact]
    public async Task No_span_carries_the_question_text()
    {
        var spans = await SpansOfAsync(InScope);

        Assert.DoesNotContain(spans.SelectMany(s => s.TagObjects), tag => tag.Value?.ToString()?.Contains("Lambert", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public async Task An_answer_records_latency_for_each_stage()
    {
        var names = (await MeasurementsOfAsync(InScope)).Select(m => m.Instrument).ToHashSet();

        Assert.Subset(names, new HashSet<string>
            { "ragapi.answers", "ragapi.answer.duration", "ragapi.retrieval.duration", "ragapi.compose.duration", "ragapi.store.duration", "ragapi.model.duration" });
    }

    [Fact]
    public async Task A_refused_question_is_counted_as_insufficient_evidence()
    {
        var answers = (await MeasurementsOfAsync(OutOfScope)).Where(m => m.Instrument == "ragapi.answers").ToList();

        Assert.Equal((true, "extractive"), ((bool)Assert.Single(answers).Tags["insufficient_evidence"]!, (string)answers[0].Tags["generator"]!));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
