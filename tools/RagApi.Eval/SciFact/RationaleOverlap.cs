using RagApi.Knowledge.Answering.Assembly;

namespace RagApi.Eval.SciFact;

/// <summary>
/// Whether a citation quotes a gold rationale sentence: both are located in the cited passage and their spans
/// intersect; where the sentence is not found there (the chunker split differently), one must contain the other.
/// Spacing is ignored; case is not, as both are verbatim text of the same abstract.
/// </summary>
public static class RationaleOverlap
{
    public static bool Quotes(AnswerCitation citation, Rationale rationale) =>
        citation.DocumentId == rationale.DocumentId && rationale.Sentences.Any(s => Overlaps(citation.Passage, citation.Quote, s));

    public static bool Overlaps(string passage, string quote, string sentence)
    {
        var (p, q, s) = (Spaced(passage), Spaced(quote), Spaced(sentence));
        if (q.Length == 0 || s.Length == 0) return false;
        var quoteAt = p.IndexOf(q, StringComparison.Ordinal);
        var sentenceAt = p.IndexOf(s, StringComparison.Ordinal);
        if (quoteAt >= 0 && sentenceAt >= 0) return quoteAt < sentenceAt + s.Length && sentenceAt < quoteAt + q.Length;
        return q.Contains(s, StringComparison.Ordinal) || s.Contains(q, StringComparison.Ordinal);
    }

    private static string Spaced(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
