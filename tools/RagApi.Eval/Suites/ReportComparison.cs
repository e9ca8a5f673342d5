using System.Globalization;

namespace RagApi.Eval.Suites;

/// <summary>One measure or case figure, old beside new; Worse when it fell by more than the tolerance.</summary>
public sealed record Change(string Scope, string Measure, double? Old, double? New, double Tolerance)
{
    public double? Delta => Old is { } o && New is { } n ? n - o : null;

    public bool Worse => Delta < -Tolerance || (Old is not null && New is null && Measure != "latency p50 ms");

    public bool Better => Delta > Tolerance;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(Worse ? "worse " : Better ? "better" : "same  ")}  {Scope,-34} {Measure,-30} {Show(Old),8} -> {Show(New),8}");

    private static string Show(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "n/a";
}

/// <summary>
/// `compare old.json new.json`: every gate measure of the summary and every case's figures, old beside new.
/// A regression is a measure (or a case figure) that fell by more than the tolerance, a case that ran before
/// and now fails to run, or more cases failing to run than before.
/// </summary>
public static class ReportComparison
{
    public static IReadOnlyList<Change> Summary(SuiteReport old, SuiteReport @new, double tolerance)
    {
        var changes = SuiteGate.Measures.Select(m => new Change("summary", m.Key, m.Value(old.Summary).Value, m.Value(@new.Summary).Value, tolerance)).ToList();
        // Fewer errors is better: compared negated so that a rise counts as worse.
        changes.Add(new Change("summary", "cases run without error", old.Summary.Cases - old.Summary.Errors, @new.Summary.Cases - @new.Summary.Errors, 0));
        return changes;
    }

    public static IReadOnlyList<Change> Cases(SuiteReport old, SuiteReport @new, double tolerance)
    {
        var before = old.Cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var changes = new List<Change>();
        foreach (var now in @new.Cases)
        {
            if (!before.TryGetValue(now.Id, out var then)) continue;
            foreach (var (measure, read) in CaseMeasures)
            {
                // Failing to run is never tolerated: the tolerance is for measures that vary.
                var change = new Change(now.Id, measure, read(then), read(now), measure == "ran" ? 0 : tolerance);
                if (change.Worse || change.Better) changes.Add(change);
            }
        }
        return changes;
    }

    public static IReadOnlyList<string> Unmatched(SuiteReport old, SuiteReport @new)
    {
        var oldIds = old.Cases.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var newIds = @new.Cases.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return [.. oldIds.Except(newIds).Select(id => $"only in old: {id}"), .. newIds.Except(oldIds).Select(id => $"only in new: {id}")];
    }

    private static readonly (string, Func<CaseResult, double?>)[] CaseMeasures =
    [
        ("ran", c => c.FailedToRun ? 0 : 1),
        ("structurally valid", c => c.FailedToRun ? null : c.StructurallyValid ? 1 : 0),
        ("refusal correct", c => c.FailedToRun ? null : c.RefusalCorrect ? 1 : 0),
        ("disclaimer", c => c.FailedToRun ? null : c.DisclaimerPresent ? 1 : 0),
        ("citation precision", c => c.CitationPrecision),
        ("citation recall", c => c.CitationRecall),
        ("expected facts", c => c.PhraseRecall),
        ("recall@k", c => c.RecallAtK),
        ("reciprocal rank", c => c.ReciprocalRank),
    ];
}
