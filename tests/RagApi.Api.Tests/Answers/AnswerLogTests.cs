using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagApi.Api.Tests.Infrastructure;
using RagApi.Testing;

namespace RagApi.Api.Tests.Answers;

/// <summary>Both answer endpoints go through one handler, so each answer leaves one log line whichever way it is served.</summary>
public sealed class AnswerLogTests(SeedIndex index) : IDisposable
{
    private const string Question = "How is Lambert-Eaton myasthenic syndrome treated?";
    private readonly CapturingLoggerProvider _sink = new();

    private RagApiApplication CapturingApp() => new(index,
        services: s => s.AddLogging(l => l.AddProvider(_sink).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace)));

    [Fact]
    public async Task A_streamed_answer_writes_the_answer_log_line()
    {
        await using var app = CapturingApp();

        var (_, events) = await ServerSentEvents.PostAsync(app.StartOnLoopback(), new { question = Question });

        var id = events.Single(e => e.Event == "meta").Read<ApiAnswerId>().Id;
        Assert.Single(_sink.Lines, l => l.StartsWith($"Answered {id} with extractive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_json_answer_writes_the_answer_log_line()
    {
        await using var app = CapturingApp();

        var answer = await app.AnswerAsync(new { question = Question });

        Assert.Single(_sink.Lines, l => l.StartsWith($"Answered {answer.Id} with extractive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stream_request_that_fails_validation_writes_no_answer_log_line()
    {
        await using var app = CapturingApp();

        await ServerSentEvents.PostAsync(app.StartOnLoopback(), new { question = "" });

        Assert.DoesNotContain(_sink.Lines, l => l.StartsWith("Answered ", StringComparison.Ordinal));
    }

    private sealed record ApiAnswerId(string Id);

    public void Dispose() => _sink.Dispose();
}
