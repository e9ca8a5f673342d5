namespace RagApi.Eval.Suites;

/// <summary>The --min-... thresholds: a run whose measure falls below one fails the gate (non-zero exit).</summary>
public sealed record SuiteGate(IReadOnlyDictionary<string, double> Minimums)
{
    public static readonly IReadOnlyDictionary<string, Func<SuiteSummary, Rate>> Measures = new Dictionary<string, Func<SuiteSummary, Rate>>
    {
        ["structural-validity"] = s => s.StructuralValidity,
        ["disclaimer"] = s => s.DisclaimerPresence,
        ["refusal-accuracy"] = s => s.RefusalAccuracy,
        ["citation-precision"] = s => s.CitationPrecision,
        ["citation-recall"] = s => s.CitationRecall,
        ["phrase-recall"] = s => s.PhraseRecall,
        ["facts-stated"] = s => s.StatedPhraseRecall,
        ["recall-at-k"] = s => s.RecallAtK,
        ["mrr"] = s => s.Mrr,
    };

    /// <summary>Each failed threshold as a sentence; a measure with no applicable case fails, since nothing was shown.</summary>
    public IReadOnlyList<string> Failures(SuiteSummary summary)
    {
        var failures = new List<string>();
        if (summary.Errors > 0 && Minimums.Count > 0) failures.Add($"{summary.Errors} case(s) failed to run.");
        foreach (var (name, minimum) in Minimums)
        {
            var rate = Measures[name](summary);
            if (rate.Value is not { } value) failures.Add($"{name}: no case measured it (minimum {minimum:0.###}).");
            else if (value < minimum) failures.Add($"{name}: {value:0.###} is below the minimum {minimum:0.###}.");
        }
        return failures;
    }
}
