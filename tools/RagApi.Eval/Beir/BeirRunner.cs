using System.Diagnostics;
using RagApi.Eval.Metrics;
using RagApi.Eval.Targets;
using RagApi.Knowledge.Answering.Assembly;

namespace RagApi.Eval.Beir;

/// <summary>Mean figures of one ranking over the queries; ms is null for a ranking read from another search's passages.</summary>
public sealed record RetrievalScores(string Ranking, double NdcgAt10, double RecallAt1, double RecallAt10, double MrrAt10, double? MeanMilliseconds);

public sealed record AnswerScores(
    int Questions, double RelevantCited, double CitationPrecision, double Refused, double CitationsPerAnswer,
    double DocumentsPerAnswer, double StructurallyValid, double MeanMilliseconds);

/// <summary>
/// Runs BEIR queries through a search (the store in-process, or an API's /v1/search) and through the answer path,
/// scoring documents (a document ranks at its best passage). At most <c>concurrency</c> queries are in flight; a
/// request that fails (after the HTTP target's retries) is thrown, so no figure is made from a failed request.
/// </summary>
internal sealed class BeirRunner(int concurrency)
{
    private sealed record Timed<T>(T Value, double Milliseconds);

    /// <returns>The figures per ranking, or null when the run was interrupted before every query was searched.</returns>
    public async Task<IReadOnlyList<RetrievalScores>?> RetrieveAsync(BeirDataset data, IReadOnlyList<BeirQuery> queries, IBeirSearch search, CancellationToken cancellationToken)
    {
        var perQuery = await BoundedRequests.RunAsync(queries, concurrency, (query, token) => search.RankAsync(query.Text, token), null, cancellationToken);
        if (perQuery.Any(r => r is null)) return null;
        return perQuery.SelectMany((rankings, i) => rankings!.Select(r => (Query: queries[i], Ranking: r)))
            .GroupBy(x => x.Ranking.Name)
            .Select(g =>
            {
                var scored = g.Select(x => Score(x.Ranking.Documents, data.Qrels[x.Query.Id])).ToList();
                var milliseconds = g.All(x => x.Ranking.Milliseconds is not null) ? g.Average(x => x.Ranking.Milliseconds!.Value) : (double?)null;
                return new RetrievalScores(g.Key, scored.Average(s => s.Ndcg), scored.Average(s => s.R1), scored.Average(s => s.R10), scored.Average(s => s.Rr), milliseconds);
            })
            .ToList();
    }

    private static (double Ndcg, double R1, double R10, double Rr) Score(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> gains)
    {
        var relevant = gains.Keys.ToHashSet(StringComparer.Ordinal);
        return (RankingMetrics.NdcgAt(ranked, gains, 10), RankingMetrics.RecallAt(ranked, relevant, 1),
            RankingMetrics.RecallAt(ranked, relevant, 10), RankingMetrics.ReciprocalRank(ranked.Take(10).ToList(), relevant));
    }

    /// <returns>The answer figures, or null when the run was interrupted before every query was answered.</returns>
    public async Task<AnswerScores?> AnswerAsync(BeirDataset data, IReadOnlyList<BeirQuery> queries,
        Func<string, CancellationToken, Task<ClinicalAnswer>> ask, CancellationToken cancellationToken)
    {
        var timed = await BoundedRequests.RunAsync(queries, concurrency, async (query, token) =>
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await ask(query.Text, token);
            return new Timed<ClinicalAnswer>(answer, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }, null, cancellationToken);
        if (timed.Any(t => t is null)) return null;

        int relevantCited = 0, refused = 0, citations = 0, relevantCitations = 0, documents = 0, valid = 0;
        foreach (var (query, answer) in queries.Zip(timed.Select(t => t!.Value)))
        {
            var relevant = data.Qrels[query.Id];
            if (answer.InsufficientEvidence) refused++;
            if (answer.Citations.Any(c => relevant.ContainsKey(c.DocumentId))) relevantCited++;
            citations += answer.Citations.Count;
            relevantCitations += answer.Citations.Count(c => relevant.ContainsKey(c.DocumentId));
            documents += answer.Citations.Select(c => c.DocumentId).Distinct().Count();
            if (CitationStructure.Problems(answer).Count == 0) valid++;
        }
        var answered = Math.Max(1, queries.Count - refused);
        double n = Math.Max(1, queries.Count);
        return new AnswerScores(queries.Count, relevantCited / n, citations == 0 ? 0 : relevantCitations / (double)citations,
            refused / n, citations / (double)answered, documents / (double)answered, valid / n, timed.Sum(t => t!.Milliseconds) / n);
    }
}
