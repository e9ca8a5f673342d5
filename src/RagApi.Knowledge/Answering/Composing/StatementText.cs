using System.Text.RegularExpressions;

namespace RagApi.Knowledge.Answering.Composing;

internal static partial class StatementText
{
    /// <summary>Bracketed numbers in a source (its own reference markers) would read as our citations.</summary>
    [GeneratedRegex(@"\s*\[\s*\d+(?:\s*[-–,]\s*\d+)*\s*\]")]
    private static partial Regex SourceReferenceMarker();

    /// <summary>
    /// Openings that add, conclude or concede ("Moreover, ...", "Thus, ...", "However, ...") leave a sentence whose
    /// content still holds alone; the rest of it is judged.
    /// </summary>
    [GeneratedRegex(@"^(?:in addition|additionally|moreover|furthermore|also|notably|importantly|finally|thus|therefore|hence|consequently|accordingly|as a result|however|nevertheless|nonetheless|overall|in summary|in conclusion|taken together|collectively)\s*,?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AdditiveOpening();

    /// <summary>
    /// A step that follows the one before ("After that, ...", "Then ...") or a comparison with it ("The shorter 2-year
    /// period ...", "In both conditions ...", "The second and third criteria ..."): such a sentence never stands alone,
    /// and the sentence before it supplies what it leans on.
    /// </summary>
    private const string StepOrComparison =
        @"after (?:that|this)|afterwards|thereafter|then(?!-)|in both|in each (?:group|arm|case|cohort|condition)" +
        @"|the (?:shorter|longer|higher|lower|larger|smaller|earlier|later) (?!limit\b|end\b|part\b)\w|the (?:first|second|third) and (?:second|third|fourth)\b";

    /// <summary>
    /// Openings that point back at something only the neighbouring sentences name: a demonstrative or pronoun
    /// subject ("This study ...", "These patients ...", "They ..."), the source's own subject named only as "the
    /// syndrome", "the disease" or "the drug", another text's authors, a contrast or conclusion drawn from what came
    /// before ("However, ...", "Therefore, ..."), a <see cref="StepOrComparison"/>.
    /// </summary>
    [GeneratedRegex(@"^(?:(?:this|these|those|such|its|their|his|her)\b|(?:they|them|he|she|the former|the latter|the authors?|the same|the above|the remaining|the rest|the other|the others|the study|the trial|the present study|the current study|the cohort|the syndrome|the disease|the disorder|the condition|the drug|the agent|the compound|the procedure|the tumou?r)\b|(?:in|of|among|from|for|within|of all) (?:this|these|those|such|them|the latter|the former|our|their)\b|(?:in contrast|by contrast|in comparison)\s*,|(?:conversely|similarly|likewise|on the other hand|despite this|in this case|in that case|otherwise|instead|again|" + StepOrComparison + @")\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ContextDependentOpening();

    /// <summary>"These findings suggest that ..." states the cited work's conclusion, which its citation names.</summary>
    [GeneratedRegex(@"^(?:this|these|our|the) (?:findings?|data|results?|observations?|studies|study|experiments?|work|analyses|analysis) (?:\w+ )?(?:suggests?|indicates?|shows?|demonstrates?|implicates?|reveals?|establish(?:es)?|supports?|identif(?:y|ies)|provides?|highlights?|uncovers?|defines?|confirms?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConclusionOfTheCitedWork();

    /// <summary>A demonstrative among the first words refers back: "Blocking these channels ...", "In 115 of these 198 patients ...".</summary>
    [GeneratedRegex(@"^(?:\S+\s+){1,3}(?:these|those)\s+\w", RegexOptions.IgnoreCase)]
    private static partial Regex EarlyDemonstrative();

    /// <summary>"It" as the subject refers back, except as the empty subject of "It is recommended that/to ...".</summary>
    [GeneratedRegex(@"^it\b(?!\s+(?:is|was|has been|remains|seems|appears|may be|should be|can be)\s+(?:\w+\s+){1,2}(?:that|to|whether|if)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ReferringIt();

    /// <summary>A sentence that points at a table or figure says what only the source shows.</summary>
    [GeneratedRegex(@"\b(?:tables?|fig(?:ure)?s?\.?)\s+\d|\b(?:as (?:mentioned|described|discussed|noted|shown) (?:above|earlier|previously|before))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PointsElsewhere();

    /// <summary>
    /// A pronoun subject ("It was then validated ...", "These patients ..."), the source's subject named only by
    /// its kind ("The syndrome has three recognized forms ...", "The disease is caused by ..."), which the sentence
    /// just before names, or a <see cref="StepOrComparison"/>.
    /// </summary>
    [GeneratedRegex(@"^(?:it|they|this|these|its|their|the (?:syndrome|disease|disorder|condition|drug|agent|compound|procedure|tumou?r)|" + StepOrComparison + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeaningOpening();

    /// <summary>
    /// Whether the sentence before can supply what this one leans on: a pronoun subject or the subject named by its
    /// kind. "The authors ...", "The other half ..." and "In contrast, ..." point at something the sentence before
    /// need not hold.
    /// </summary>
    public static bool LeansOnTheSentenceBefore(string sentence) => LeaningOpening().IsMatch(sentence.TrimStart('(', '"', '\'', ' ', '\u201C'));

    /// <summary>The sentence without the source's reference markers, its line breaks (a list's items) read as spaces.</summary>
    public static string Clean(string sentence) => Whitespace().Replace(SourceReferenceMarker().Replace(sentence, ""), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Heading-like fragments, very short pieces and list lead-ins ending in a colon say nothing on their own.</summary>
    public static bool IsStatement(string sentence) =>
        Letters(sentence) >= 25 && sentence.Contains(' ') && !sentence.TrimEnd().EndsWith(':');

    private static int Letters(string text)
    {
        var letters = 0;
        foreach (var c in text) if (char.IsLetter(c)) letters++;
        return letters;
    }

    /// <summary>
    /// Whether a sentence means what it says when read alone, as a statement of an answer is: not when it opens by
    /// pointing back at its neighbours ("The authors ...", "This study ...", "These patients ...", "However, ...")
    /// or at a table or figure. Sentences opening with "We" stand: the citation names who "we" are.
    /// </summary>
    public static bool StandsAlone(string sentence)
    {
        var text = AdditiveOpening().Replace(sentence.TrimStart('(', '"', '\'', ' ', '\u201C'), "");
        if (PointsElsewhere().IsMatch(text)) return false;
        if (ConclusionOfTheCitedWork().IsMatch(text)) return true;
        return !ContextDependentOpening().IsMatch(text) && !ReferringIt().IsMatch(text) && !EarlyDemonstrative().IsMatch(text);
    }
}
