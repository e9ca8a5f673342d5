using Qdrant.Client.Grpc;

namespace RagApi.Knowledge.Storage.Qdrant;

/// <summary>
/// One batch per search: the fused ranking (dense and sparse prefetches, RRF in Qdrant) plus the two plain
/// rankings, which give each passage its dense and lexical score as the embedded store reports them.
/// </summary>
internal static class QdrantSearch
{
    public const int CandidatesPerRanking = 50;

    public static IReadOnlyList<QueryPoints> Requests(string collection, PassageQuery query)
    {
        var candidates = (ulong)Math.Max(CandidatesPerRanking, query.TopK * 4);
        var filter = QdrantFilters.ForChunks(query.Filters);
        var sparse = Bm25SparseVector.ForQuery(query.Text);
        var useDense = query.Mode != SearchMode.Lexical && query.Vector.Length > 0;
        var useSparse = query.Mode != SearchMode.Dense && sparse.Indices.Length > 0;
        var rankings = new List<PrefetchQuery>();
        if (useDense) rankings.Add(new PrefetchQuery { Query = query.Vector, Using = QdrantCollectionLayout.DenseVector, Filter = filter, Limit = candidates });
        if (useSparse) rankings.Add(new PrefetchQuery { Query = sparse, Using = QdrantCollectionLayout.SparseVector, Filter = filter, Limit = candidates });
        if (rankings.Count == 0) return [];

        var fused = new QueryPoints
        {
            CollectionName = collection,
            Query = new Rrf { K = ReciprocalRankFusion.K },
            // Twice the passages wanted, so a tie straddling the cut is ordered as the embedded store orders it.
            Limit = (ulong)Math.Min(candidates, (ulong)query.TopK * 2),
            WithPayload = WithoutSentenceVectors(),
        };
        fused.Prefetch.AddRange(rankings);
        return [fused, .. rankings.Select(r => Ranking(collection, r))];
    }

    /// <summary>
    /// Maps the batch's answers back to passages, best first; which ranking is which follows <see cref="Requests"/>.
    /// Qdrant's fused scores are kept; its order of equal scores is arbitrary, so ties are ordered by
    /// <see cref="ReciprocalRankFusion.TieBreak"/> over the two plain rankings, as in the embedded store.
    /// </summary>
    public static IReadOnlyList<RetrievedPassage> Passages(PassageQuery query, IReadOnlyList<BatchResult> results)
    {
        if (results.Count == 0) return [];
        var rankings = results.Skip(1).Select(r => r.Result.ToList()).ToList();
        var usesDense = query.Mode != SearchMode.Lexical && query.Vector.Length > 0;
        var dense = usesDense ? rankings[0] : [];
        var lexical = rankings.Count == 2 ? rankings[1] : usesDense ? [] : rankings[0];
        var denseScores = dense.ToDictionary(p => p.Id.Uuid, p => p.Score);
        var lexicalScores = lexical.ToDictionary(p => p.Id.Uuid, p => p.Score);
        var points = results[0].Result.ToDictionary(p => p.Id.Uuid);
        var ordered = ReciprocalRankFusion.Order(points.Values.Select(p => (p.Id.Uuid, p.Score)),
            dense.Select(p => p.Id.Uuid).ToList(), lexical.Select(p => p.Id.Uuid).ToList());
        return ordered.Take(query.TopK).Select(fused => new RetrievedPassage(
                QdrantPayload.ReadChunk(points[fused.Key].Payload),
                new PassageScores(
                    denseScores.TryGetValue(fused.Key, out var d) ? d : null,
                    lexicalScores.TryGetValue(fused.Key, out var l) ? l : null,
                    fused.Score)))
            .ToList();
    }

    public static WithPayloadSelector WithoutSentenceVectors() =>
        new() { Exclude = new PayloadExcludeSelector { Fields = { QdrantPayload.SentenceVectors } } };

    private static QueryPoints Ranking(string collection, PrefetchQuery ranking) => new()
    {
        CollectionName = collection,
        Query = ranking.Query,
        Using = ranking.Using,
        Filter = ranking.Filter,
        Limit = ranking.Limit,
        WithPayload = false,
    };
}
