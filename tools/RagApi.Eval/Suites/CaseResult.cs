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
    string? Error)
{
    public bool StructurallyValid => Error is null && StructuralProblems.Count == 0;

    public bool RefusalCorrect => Error is null && Refused == ShouldRefuse;
}
