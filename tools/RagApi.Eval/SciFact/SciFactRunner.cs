using System.Diagnostics;
using RagApi.Eval.Beir;
using RagApi.Eval.Metrics;
using RagApi.Eval.Suites;
using RagApi.Eval.Targets;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Storage;

namespace RagApi.Eval.SciFact;

public sealed record SciFactRetrieval(SearchMode Mode, int Queries, double NdcgAt10, double RecallAt10);

/// <summary>The answer figures over the claims with evidence; rates are shares of those claims unless named otherwise.</summary>
public sealed record SciFactAnswers(
    int Claims, double EvidenceCited, double RationaleQuoted, Rate CitationPrecision, double Refused, int StructurallyInvalid, double MeanMilliseconds,
    IReadOnlyList<SciFactClaimAnswer> PerClaim);

/// <summary>One claim's answer as scored, so a reader can find the claims behind a figure.</summary>
public sealed record SciFactClaimAnswer(string Id, string Claim, bool Refused, bool EvidenceCited, bool RationaleQuoted, IReadOnlyList<string> CitedDocuments);

/// <summary>
/// Asks each SciFact claim with evidence through an <see cref="IEvalTarget"/> (in-process or an API) and scores the
/// answer against the gold abstracts and rationale sentences; ranks each judged claim's documents per search mode.
/// At most <c>concurrency</c> requests are in flight; a request that fails (after the HTTP target's retries) is
/// thrown, so no figure is made from a failed request, and a run interrupted before every claim finished gives none.
/// </summary>
public sealed class SciFactRunner(IEvalTarget target, int concurrency = 1)
{
    public const int RetrievalDepth = 40;

    public int Concurrency => concurrency;

    private sealed record Timed<T>(T Value, double Milliseconds);

    /// <returns>The answer figures, or null when the run was interrupted before every claim was answered.</returns>
    public async Task<SciFactAnswers?> AnswerAsync(IReadOnlyList<EvidencedClaim> claims, CancellationToken cancellationToken)
    {
        var timed = await BoundedRequests.RunAsync(claims, concurrency, async (claim, token) =>
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await target.AnswerAsync(claim.Text, [], token);
            return new Timed<ClinicalAnswer>(answer, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }, null, cancellationToken);
        if (timed.Any(t => t is null)) return null;

        int cited = 0, quoted = 0, refused = 0, invalid = 0;
        var precision = new List<double?>();
        var perClaim = new List<SciFactClaimAnswer>();
        foreach (var (claim, answer) in claims.Zip(timed.Select(t => t!.Value)))
        {
            var evidence = claim.EvidenceDocuments;
            var citesEvidence = answer.Citations.Any(c => evidence.Contains(c.DocumentId));
            var quotesRationale = answer.Citations.Any(c => claim.Rationales.Any(r => RationaleOverlap.Quotes(c, r)));
            if (answer.InsufficientEvidence) refused++;
            if (citesEvidence) cited++;
            if (quotesRationale) quoted++;
            perClaim.Add(new SciFactClaimAnswer(claim.Id, claim.Text, answer.InsufficientEvidence, citesEvidence, quotesRationale,
                answer.Citations.Select(c => c.DocumentId).Distinct(StringComparer.Ordinal).ToList()));
            precision.Add(CitationMetrics.Precision(answer.Citations, evidence));
            if (CitationStructure.Problems(answer).Count > 0) invalid++;
        }
        double n = Math.Max(1, claims.Count);
        return new SciFactAnswers(claims.Count, cited / n, quoted / n, Rate.Of(precision), refused / n, invalid, timed.Sum(t => t!.Milliseconds) / n, perClaim);
    }

    /// <returns>The figures per search mode, or null when the run was interrupted before every claim was searched.</returns>
    public async Task<IReadOnlyList<SciFactRetrieval>?> RetrieveAsync(BeirDataset data, IReadOnlyList<BeirQuery> queries, CancellationToken cancellationToken)
    {
        var modes = target is IModeSearch ? Enum.GetValues<SearchMode>() : [SearchMode.Hybrid];
        var scores = new List<SciFactRetrieval>();
        foreach (var mode in modes)
        {
            var rankings = await BoundedRequests.RunAsync(queries, concurrency, (query, token) => target is IModeSearch modal
                ? modal.SearchDocumentsAsync(query.Text, mode, RetrievalDepth, token)
                : target.SearchDocumentsAsync(query.Text, token), null, cancellationToken);
            if (rankings.Any(r => r is null)) return null;
            double ndcg = 0, recall = 0;
            foreach (var (query, ranked) in queries.Zip(rankings))
            {
                var gains = data.Qrels[query.Id];
                ndcg += RankingMetrics.NdcgAt(ranked!, gains, 10);
                recall += RankingMetrics.RecallAt(ranked!, gains.Keys.ToHashSet(StringComparer.Ordinal), 10);
            }
            double n = Math.Max(1, queries.Count);
            scores.Add(new SciFactRetrieval(mode, queries.Count, ndcg / n, recall / n));
        }
        return scores;
    }
}
