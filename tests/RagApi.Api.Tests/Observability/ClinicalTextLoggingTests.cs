using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagApi.Api.Tests.Infrastructure;
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
}
