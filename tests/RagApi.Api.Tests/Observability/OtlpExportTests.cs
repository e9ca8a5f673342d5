using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RagApi.Testing;

namespace RagApi.Api.Tests.Observability;

/// <summary>With a collector configured, traces and metrics are exported; an unreachable collector does not hurt answers.</summary>
public sealed class OtlpExportTests(SeedIndex index) : IAsyncDisposable
{
    private readonly RagApiApplication _app = new(index, settings: new Dictionary<string, string?> { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:9" });

    [Fact]
    public async Task A_configured_collector_gets_a_tracer_and_a_meter_provider_and_answers_still_work()
    {
        var answer = await _app.AnswerAsync(new { question = "How is Lambert-Eaton myasthenic syndrome treated?" });

        Assert.Equal((true, true, false), (
            _app.Services.GetService<TracerProvider>() is not null,
            _app.Services.GetService<MeterProvider>() is not null,
            answer.InsufficientEvidence));
    }

    [Fact]
    public void Without_a_collector_nothing_is_exported()
    {
        using var app = new RagApiApplication(index);

        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
