using System.Diagnostics;
using RagApi.Eval.Targets;

namespace RagApi.Eval.Beir;

/// <summary>
/// A running API's POST /v1/search, which is hybrid only: the fused order, and the same passages re-ranked by the
/// dense and lexical scores it returns. It never indexes: the service's store must already hold the corpus.
/// </summary>
internal sealed class ApiSearch(HttpTarget target, int depth) : IBeirSearch
{
    public string Description => $"POST /v1/search of the {target.Description} (hybrid, topK {depth})";

    public async Task<IReadOnlyList<BeirRanking>> RankAsync(string query, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var passages = await target.SearchPassagesAsync(query, depth, cancellationToken);
        return BeirRanking.FromHybrid(passages, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
