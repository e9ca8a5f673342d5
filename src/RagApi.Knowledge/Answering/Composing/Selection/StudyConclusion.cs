using System.Text.RegularExpressions;

namespace RagApi.Knowledge.Answering.Composing.Selection;

/// <summary>
/// Sentences of a study's conclusion: labelled so in a structured abstract ("Conclusions: ...") or under a section
/// headed so ("Conclusions", "Interpretation", as PubMed and JATS label them). A conclusion states what the study
/// found, where its other sentences give figures or background.
/// </summary>
public static partial class StudyConclusion
{
    [GeneratedRegex(@"^\s*conclusions?\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Labelled();

    // "Conclusions and clinical implications" goes on to what the authors advise, not what they found.
    [GeneratedRegex(@"^\s*(?:conclusions?|interpretation)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    /// <summary>The sentence is part of its study's conclusion and does not lean on the one before ("Nevertheless, ...").</summary>
    public static bool Holds(SentenceCandidate candidate) =>
        (Labelled().IsMatch(candidate.Text) || Heading().IsMatch(candidate.Passage.Chunk.SectionPath.Split(" > ")[^1])) &&
        !ContextDependence.LeansOnPrevious(candidate.Text);
}
