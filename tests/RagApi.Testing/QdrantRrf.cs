using Qdrant.Client.Grpc;

namespace RagApi.Testing;

/// <summary>
/// Qdrant's reciprocal rank fusion as the server computes it (lib/segment/src/common/reciprocal_rank_fusion.rs,
/// Qdrant 1.16-1.19): each prefetch's point at position p (from 0) scores 1 / ((p + 1) / weight + k - 1) in single
/// precision, weight 1, summed over the prefetches; then a sort by score alone, which "does not break ties" (an
/// unstable sort over a hash map). The stand-in returns ties in the reverse of their first appearance, so a client
/// that relied on Qdrant's order of ties would be caught.
/// </summary>
internal static class QdrantRrf
{
    public static IReadOnlyList<ScoredPoint> Fuse(uint k, int limit, params IReadOnlyList<ScoredPoint>[] prefetches)
    {
        var scores = new Dictionary<string, (ScoredPoint Point, float Score, int FirstSeen)>();
        foreach (var prefetch in prefetches)
            for (var position = 0; position < prefetch.Count; position++)
            {
                var point = prefetch[position];
                var score = 1.0f / ((position + 1) / 1.0f + k - 1.0f);
                scores[point.Id.Uuid] = scores.TryGetValue(point.Id.Uuid, out var seen)
                    ? (seen.Point, seen.Score + score, seen.FirstSeen)
                    : (point, score, scores.Count);
            }
        return scores.Values.OrderByDescending(s => s.Score).ThenByDescending(s => s.FirstSeen).Take(limit)
            .Select(s => new ScoredPoint { Id = s.Point.Id, Score = s.Score, Payload = { s.Point.Payload } }).ToList();
    }

    /// <summary>A query batch answered as Qdrant answers RagApi's: the fused query first, then each plain ranking.</summary>
    public static QueryBatchResponse Answer(QueryBatchPoints batch, IReadOnlyList<ScoredPoint> dense, IReadOnlyList<ScoredPoint> sparse)
    {
        var fused = batch.QueryPoints[0];
        var response = new QueryBatchResponse
        {
            Result = { new BatchResult { Result = { Fuse(fused.Query.Rrf.K, (int)fused.Limit, dense, sparse) } } },
        };
        response.Result.Add(new BatchResult { Result = { dense } });
        response.Result.Add(new BatchResult { Result = { sparse } });
        return response;
    }
}
