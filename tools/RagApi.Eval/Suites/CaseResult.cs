using RagApi.Knowledge.Answering.Assembly;

namespace RagApi.Eval.Suites;

/// <summary>What one case measured; null where a measure does not apply (e.g. precision of an answer that cites nothing).</summary>
public sealed record CaseResult(
    string Suite,
    string Id,
    string Question,
    string StandaloneQuestion,
    bool ShouldRefuse,
    bool Refused,
    IReadOnlyList<string> StructuralProblems,
    bool DisclaimerPresent,
    double? CitationPrecision,
    double? CitationRecall,
    double? PhraseRecall,
    IReadOnlyList<string> MissingPhrases,
    double? StatedPhraseRecall,
    IReadOnlyList<string> PhrasesNotStated,
    double? RecallAtK,
    double? ReciprocalRank,
    IReadOnlyList<string> CitedSourceIds,
    double AnswerMilliseconds,
    string? Error,
    int? HttpStatus = null,
    IReadOnlyList<string>? FoundPhrases = null,
    ClinicalAnswer? Answer = null,
    double? JudgedCitationRecall = null,
    double? JudgedCitationPrecision = null,
    IReadOnlyList<string>? UnsupportedStatements = null)
{
    /// <summary>The case never got an answer (an HTTP failure or an unreadable body): not a quality failure.</summary>
    public bool FailedToRun => Error is not null;

    /// <summary>
    /// Why an answered case falls short, one sentence each: broken structure, no disclaimer, a wrong refusal, an
    /// expected source not cited, an expected fact in no cited passage. Empty for a case that passes or did not run.
    /// </summary>
    public IReadOnlyList<string> QualityFailures
    {
        get
        {
            if (FailedToRun) return [];
            var reasons = StructuralProblems.Select(p => $"structure: {p}").ToList();
            if (!DisclaimerPresent) reasons.Add("the disclaimer is missing or differs from prompts/disclaimer.md");
            if (!RefusalCorrect) reasons.Add(ShouldRefuse ? "answered a question the corpus cannot answer" : "refused a question the corpus answers");
            if (CitationRecall is < 1 && Refused == ShouldRefuse) reasons.Add($"cited {CitationRecall:P0} of the expected sources (cited: {string.Join(", ", CitedSourceIds)})");
            foreach (var statement in UnsupportedStatements ?? []) reasons.Add($"judge: not supported by its citations: \"{statement}\"");
            if (MissingPhrases.Count > 0) reasons.Add($"facts in no cited passage: {string.Join("; ", MissingPhrases.Select(p => $"\"{p}\""))}");
            return reasons;
        }
    }

    public bool StructurallyValid => Error is null && StructuralProblems.Count == 0;

    public bool RefusalCorrect => Error is null && Refused == ShouldRefuse;
}
