namespace RagApi.Eval.Metrics;

/// <summary>Ranking measures over a list of document ids, best first, against the relevant ids.</summary>
public static class RankingMetrics
{
    /// <summary>Share of the relevant ids found in the first k results.</summary>
    public static double RecallAt(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant, int k) =>
        relevant.Count == 0 ? 0 : ranked.Take(k).Distinct().Count(relevant.Contains) / (double)relevant.Count;

    /// <summary>1 / rank of the first relevant result; 0 when none is ranked.</summary>
    public static double ReciprocalRank(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant)
    {
        for (var i = 0; i < ranked.Count; i++)
            if (relevant.Contains(ranked[i])) return 1.0 / (i + 1);
        return 0;
    }

    /// <summary>Normalised discounted cumulative gain at k with graded gains (BEIR's definition: gain / log2(rank + 1)).</summary>
    public static double NdcgAt(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> gains, int k)
    {
        double Dcg(IEnumerable<double> g) => g.Select((gain, i) => gain / Math.Log2(i + 2)).Sum();
        var actual = Dcg(ranked.Take(k).Select(id => (double)gains.GetValueOrDefault(id)));
        var ideal = Dcg(gains.Values.Where(g => g > 0).OrderDescending().Take(k).Select(g => (double)g));
        return ideal == 0 ? 0 : actual / ideal;
    }

    /// <summary>Document ids in order of their best-ranked passage.</summary>
    public static IReadOnlyList<string> DocumentsInOrder(IEnumerable<string> passageDocumentIds) =>
        passageDocumentIds.Distinct(StringComparer.Ordinal).ToList();
}
