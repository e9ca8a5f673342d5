using RagApi.Knowledge.Storage;
namespace RagApi.Knowledge.Storage;

/// <summary>Fuses ranked lists by summing 1 / (k + rank): robust to the two scores' different scales.</summary>
public static class ReciprocalRankFusion
{
    /// <summary>The constant of Cormack, Clarke and Büttcher (SIGIR 2009).</summary>
    public const int K = 60;

    public static IReadOnlyList<(TKey Key, float Score)> Fuse<TKey>(params IReadOnlyList<TKey>[] rankings) where TKey : notnull
    {
        var scores = new Dictionary<TKey, float>();
        foreach (var ranking in rankings)
            for (var rank = 0; rank < ranking.Count; rank++)
                scores[ranking[rank]] = scores.GetValueOrDefault(ranking[rank]) + 1f / (K + rank + 1);
        return scores.OrderByDescending(p => p.Value).Select(p => (p.Key, p.Value)).ToList();
    }
}
