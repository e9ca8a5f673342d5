using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Answering.Composing.Selection;

/// <summary>
/// The question as selection sees it: its terms, the subject they name (the disease, drug or population), the
/// aspect words it asks about (cause, antibodies, treated...) and the aspects those words signal.
/// </summary>
public sealed record QuestionShape(
    string Text,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> SubjectTerms,
    IReadOnlyList<string> AspectTerms,
    IReadOnlyList<Aspect> Aspects,
    bool AsksQuantity)
{
    private static readonly string[] QuantityCues =
    [
        "dose", "dosage", "mg", "how many", "how much", "how long", "how often", "how common", "percentage", "proportion",
        "prevalence", "incidence", "rate", "frequency", "cut-off", "cutoff", "threshold", "level",
    ];

    /// <summary>The question with the abbreviations the passages define spelled out beside them.</summary>
    internal QuestionShape With(Abbreviations abbreviations) =>
        this with { Terms = abbreviations.Expand(Terms).Distinct(StringComparer.Ordinal).ToList(), SubjectTerms = abbreviations.Expand(SubjectTerms).Distinct(StringComparer.Ordinal).ToList() };

    public static QuestionShape Of(string question)
    {
        var terms = TextAnalyzer.Terms(question).Distinct(StringComparer.Ordinal).ToList();
        var subject = terms.Where(t => !QuestionAspects.IsAspectOrFraming(t)).ToList();
        // Every term is subject, framing or aspect: the aspect words are the cues of an aspect.
        var aspectTerms = terms.Where(QuestionAspects.IsAspect).ToList();
        var lower = question.ToLowerInvariant();
        return new QuestionShape(question, terms, subject.Count > 0 ? subject : terms, aspectTerms, QuestionAspects.AskedIn(question),
            QuantityCues.Any(cue => WholeWords.Contain(lower, cue)));
    }
}
