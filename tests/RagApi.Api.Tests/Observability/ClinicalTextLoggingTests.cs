using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagApi.Testing;

namespace RagApi.Api.Tests.Observability;

/// <summary>Question and answer text stay out of the logs unless Logging:IncludeClinicalText is switched on.</summary>
public sealed class ClinicalTextLoggingTests(SeedIndex index)
{
    private const string Question = "How is Lambert-Eaton myasthenic syndrome treated in patient Zyxwvut Quarrington?";

    private async Task<IReadOnlyList<string>> LogLinesAsync(bool includeClinicalText)
    {
        var sink = new CapturingLoggerProvider();
        await using var app = new RagApiApplication(index,
            settings: new Dictionary<string, string?> { ["Logging:IncludeClinicalText"] = includeClinicalText ? "true" : "false" },
            services: s => s.AddLogging(l => l.AddProvider(sink).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace)));
        await app.AnswerAsync(new { question = Question });
        return sink.Lines.ToList();
    }

    [Fact]
    public async Task By_default_no_log_line_carries_the_question()
    {
        var lines = await LogLinesAsync(includeClinicalText: false);

        Assert.Equal((true, false), (lines.Any(l => l.StartsWith("Answered ans_", StringComparison.Ordinal)), lines.Any(l => l.Contains("Quarrington", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task With_the_switch_on_the_question_is_logged()
    {
        var lines = await LogLinesAsync(includeClinicalText: true);

        Assert.Contains(lines, l => l.Contains("Quarrington", StringComparison.Ordinal));
    }

    /// <summary>Every message with every structured value, so text hidden in a field is found too.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            Lines.Enqueue($"{formatter(state, exception)} | {values}");
        }

        public void Dispose()
        {
        }
    }
}
