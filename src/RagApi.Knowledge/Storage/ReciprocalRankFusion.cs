namespace RagApi.Knowledge.Storage;

/// <summary>
/// Fuses ranked lists by summing 1 / (k + position), position counted from 0 as Qdrant counts it, so the embedded
/// store and Qdrant give the same fused score for the same rankings. Qdrant leaves ties in no particular order;
/// both stores order them by <see cref="TieBreak"/> so the same rankings also give the same order.
/// </summary>
internal static class ReciprocalRankFusion
{
    /// <summary>The constant of Cormack, Clarke and Büttcher (SIGIR 2009); sent to Qdrant, whose own default is 2.</summary>
    public const int K = 60;

    /// <summary>Qdrant's position score with weight 1, computed in single precision as Qdrant computes it.</summary>
    public static float PositionScore(int position) => 1f / (K + position);

    public static IReadOnlyList<(TKey Key, float Score)> Fuse<TKey>(params IReadOnlyList<TKey>[] rankings) where TKey : notnull
    {
        var scores = new Dictionary<TKey, float>();
        foreach (var ranking in rankings)
            for (var position = 0; position < ranking.Count; position++)
                scores[ranking[position]] = scores.GetValueOrDefault(ranking[position]) + PositionScore(position);
        return Order(scores.Select(p => (p.Key, p.Value)), rankings);
    }

    /// <summary>Best score first; equal scores by their position in the first ranking, then the next, and so on.</summary>
    public static IReadOnlyList<(TKey Key, float Score)> Order<TKey>(IEnumerable<(TKey Key, float Score)> fused, params IReadOnlyList<TKey>[] rankings)
        where TKey : notnull
    {
        var positions = rankings.Select(r => r.Select((key, position) => (key, position)).ToDictionary(p => p.key, p => p.position)).ToList();
        int[] PositionsOf(TKey key) => positions.Select(p => p.TryGetValue(key, out var position) ? position : int.MaxValue).ToArray();
        return fused.OrderByDescending(f => f.Score).ThenBy(f => PositionsOf(f.Key), TieBreak).ToList();
    }

    /// <summary>Compares two items' positions ranking by ranking; an item absent from a ranking comes after every present one.</summary>
    public static readonly IComparer<int[]> TieBreak = Comparer<int[]>.Create(static (a, b) =>
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            if (a[i] != b[i]) return a[i].CompareTo(b[i]);
        return 0;
    });
}
