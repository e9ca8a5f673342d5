namespace RagApi.Knowledge.Answering.Composing.Selection;

/// <summary>
/// BM25 of each candidate sentence against a set of query terms, with document frequencies taken over the
/// candidate sentences themselves: a term every retrieved sentence shares (the subject) weighs little, the term that
/// distinguishes the answering sentence weighs much. Terms match when <paramref name="matches"/> says so.
/// </summary>
internal static class SentenceBm25
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    public static double[] Score(IReadOnlyList<string> queryTerms, IReadOnlyList<IReadOnlyList<string>> sentences, Func<string, string, bool> matches)
    {
        var scores = new double[sentences.Count];
        if (sentences.Count == 0 || queryTerms.Count == 0) return scores;
        var distinctQuery = queryTerms.Distinct(StringComparer.Ordinal).ToArray();
        var counts = new int[sentences.Count][];
        var frequency = new int[distinctQuery.Length];
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            var row = counts[i] = new int[distinctQuery.Length];
            for (var q = 0; q < distinctQuery.Length; q++)
            {
                for (var t = 0; t < sentence.Count; t++)
                    if (matches(distinctQuery[q], sentence[t])) row[q]++;
                if (row[q] > 0) frequency[q]++;
            }
        }
        var averageLength = Math.Max(1, sentences.Average(s => s.Count));
        for (var i = 0; i < sentences.Count; i++)
        {
            var length = sentences[i].Count;
            for (var q = 0; q < distinctQuery.Length; q++)
            {
                var tf = counts[i][q];
                if (tf == 0) continue;
                var idf = Math.Log(1 + (sentences.Count - frequency[q] + 0.5) / (frequency[q] + 0.5));
                scores[i] += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / averageLength));
            }
        }
        return scores;
    }

    public static bool SameTerm(string query, string term) => string.Equals(query, term, StringComparison.Ordinal);

    /// <summary>
    /// "treated" and "treatment", "diagnose" and "diagnosis" share their stem: the analyzer folds only plurals, so
    /// words agreeing on their first five letters count as one; so do a word and its prefixed form ("antibody",
    /// "autoantibody").
    /// </summary>
    public static bool SameStem(string query, string term)
    {
        const int stem = 5;
        const int prefixed = 6;
        if (query.Length < stem || term.Length < stem) return SameTerm(query, term);
        return string.CompareOrdinal(query, 0, term, 0, stem) == 0
            || query.Length >= prefixed && term.EndsWith(query, StringComparison.Ordinal);
    }
}
