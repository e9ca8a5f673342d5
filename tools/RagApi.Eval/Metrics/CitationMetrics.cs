using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Eval.Metrics;

/// <summary>How well an answer's citations match the sources and facts an evaluator expected.</summary>
public static class CitationMetrics
{
    /// <summary>Share of citations that point at an expected source; null when nothing is cited.</summary>
    public static double? Precision(IReadOnlyList<AnswerCitation> citations, IReadOnlySet<string> expected) =>
        citations.Count == 0 ? null : citations.Count(c => expected.Contains(c.DocumentId)) / (double)citations.Count;

    /// <summary>Share of expected sources cited at least once; null when no source is expected.</summary>
    public static double? Recall(IReadOnlyList<AnswerCitation> citations, IReadOnlySet<string> expected) =>
        expected.Count == 0 ? null : expected.Count(id => citations.Any(c => c.DocumentId == id)) / (double)expected.Count;

    /// <summary>The expected phrases that occur in a cited passage (case, spacing and dashes ignored).</summary>
    public static IReadOnlyList<string> PhrasesFound(IReadOnlyList<AnswerCitation> citations, IReadOnlyList<string> phrases)
    {
        var cited = string.Join("\n", citations.Select(c => Normalise(c.Passage)));
        return phrases.Where(p => cited.Contains(Normalise(p), StringComparison.Ordinal)).ToList();
    }

    /// <summary>
    /// The expected phrases the answer itself states, in its lead or a statement: a fact only in a cited passage
    /// is found by retrieval but not told to the clinician.
    /// </summary>
    public static IReadOnlyList<string> PhrasesStated(ClinicalAnswer answer, IReadOnlyList<string> phrases)
    {
        var statements = answer.Sections.SelectMany(s => s.Statements).Select(s => s.Text);
        var stated = Normalise(string.Join("\n", answer.Lead is { } lead ? statements.Prepend(lead.Text) : statements));
        return phrases.Where(p => stated.Contains(Normalise(p), StringComparison.Ordinal)).ToList();
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.ToLowerInvariant().Replace('\u2013', '-').Replace('\u2011', '-')
            .Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
