using RagApi.Eval.Metrics;

namespace RagApi.Eval.Suites;

/// <summary>The aggregate of a suite run: each rate is over the cases it applies to (counts given beside it).</summary>
public sealed record SuiteSummary(
    int Cases,
    int Errors,
    Rate StructuralValidity,
    Rate DisclaimerPresence,
    Rate RefusalAccuracy,
    Rate UnanswerableRefused,
    Rate AnswerableAnswered,
    Rate CitationPrecision,
    Rate CitationRecall,
    Rate PhraseRecall,
    Rate StatedPhraseRecall,
    int RecallK,
    Rate RecallAtK,
    Rate Mrr,
    double LatencyP50Ms,
    double LatencyP95Ms)
{
    public static SuiteSummary Of(IReadOnlyList<CaseResult> results, int recallK)
    {
        var ok = results.Where(r => r.Error is null).ToList();
        var latencies = ok.Select(r => r.AnswerMilliseconds).ToList();
        return new SuiteSummary(
            results.Count,
            results.Count - ok.Count,
            // Quality is measured over the cases that got an answer; the ones that did not are counted in Errors.
            Rate.Of(ok.Select(r => r.StructurallyValid ? 1.0 : 0.0)),
            Rate.Of(ok.Select(r => r.DisclaimerPresent ? 1.0 : 0.0)),
            Rate.Of(ok.Select(r => r.RefusalCorrect ? 1.0 : 0.0)),
            Rate.Of(ok.Where(r => r.ShouldRefuse).Select(r => r.RefusalCorrect ? 1.0 : 0.0)),
            Rate.Of(ok.Where(r => !r.ShouldRefuse).Select(r => r.RefusalCorrect ? 1.0 : 0.0)),
            Rate.Of(ok.Select(r => r.CitationPrecision)),
            Rate.Of(ok.Select(r => r.CitationRecall)),
            Rate.Of(ok.Where(r => !r.ShouldRefuse).Select(r => r.PhraseRecall)),
            Rate.Of(ok.Where(r => !r.ShouldRefuse).Select(r => r.StatedPhraseRecall)),
            recallK,
            Rate.Of(ok.Select(r => r.RecallAtK)),
            Rate.Of(ok.Select(r => r.ReciprocalRank)),
            Percentiles.Of(latencies, 50),
            Percentiles.Of(latencies, 95));
    }
}

/// <summary>The summary of each suite file of a run, in the order the files were given.</summary>
public static class SuiteBreakdown
{
    public static IReadOnlyList<(string Suite, SuiteSummary Summary)> Of(IReadOnlyList<CaseResult> results, int recallK) =>
        results.GroupBy(r => r.Suite, StringComparer.Ordinal).Select(g => (g.Key, SuiteSummary.Of(g.ToList(), recallK))).ToList();
}

/// <summary>A mean over the cases a measure applies to; with no such case the value is null, not zero.</summary>
public sealed record Rate(double? Value, int Over)
{
    public static Rate Of(IEnumerable<double?> values)
    {
        var applicable = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return new Rate(applicable.Count == 0 ? null : applicable.Average(), applicable.Count);
    }

    public static Rate Of(IEnumerable<double> values) => Of(values.Select(v => (double?)v));

    public override string ToString() => Value is { } v ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{v * 100:F1}% (n={Over})") : "n/a";

    public string AsNumber() => Value is { } v ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{v:F3} (n={Over})") : "n/a";
}
