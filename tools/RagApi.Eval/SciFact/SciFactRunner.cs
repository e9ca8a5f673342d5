using System.Diagnostics;
using RagApi.Eval.Beir;
using RagApi.Eval.Metrics;
using RagApi.Eval.Suites;
using RagApi.Eval.Targets;
using RagApi.Knowledge.Storage;

namespace RagApi.Eval.SciFact;

public sealed record SciFactRetrieval(SearchMode Mode, int Queries, double NdcgAt10, double RecallAt10);

/// <summary>The answer figures over the claims with evidence; rates are shares of those claims unless named otherwise.</summary>
public sealed record SciFactAnswers(
    int Claims, double EvidenceCited, double RationaleQuoted, Rate CitationPrecision, double Refused, int StructurallyInvalid, double MeanMilliseconds);

/// <summary>
/// Asks each SciFact claim with evidence through an <see cref="IEvalTarget"/> (in-process or an API) and scores the
/// answer against the gold abstracts and rationale sentences; ranks each judged claim's documents per search mode.
/// </summary>
public sealed class SciFactRunner(IEvalTarget target)
{
    public const int RetrievalDepth = 40;

    public async Task<SciFactAnswers> AnswerAsync(IReadOnlyList<EvidencedClaim> claims, CancellationToken cancellationToken)
    {
        int cited = 0, quoted = 0, refused = 0, invalid = 0;
        var precision = new List<double?>();
        double milliseconds = 0;
        foreach (var claim in claims)
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await target.AnswerAsync(claim.Text, [], cancellationToken);
            milliseconds += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var evidence = claim.EvidenceDocuments;
            if (answer.InsufficientEvidence) refused++;
            if (answer.Citations.Any(c => evidence.Contains(c.DocumentId))) cited++;
            if (answer.Citations.Any(c => claim.Rationales.Any(r => RationaleOverlap.Quotes(c, r)))) quoted++;
            precision.Add(CitationMetrics.Precision(answer.Citations, evidence));
            if (CitationStructure.Problems(answer).Count > 0) invalid++;
        }
        double n = Math.Max(1, claims.Count);
        return new SciFactAnswers(claims.Count, cited / n, quoted / n, Rate.Of(precision), refused / n, invalid, milliseconds / n);
    }

    public async Task<IReadOnlyList<SciFactRetrieval>> RetrieveAsync(BeirDataset data, IReadOnlyList<BeirQuery> queries, CancellationToken cancellationToken)
    {
        var modes = target is IModeSearch ? Enum.GetValues<SearchMode>() : [SearchMode.Hybrid];
        var scores = new List<SciFactRetrieval>();
        foreach (var mode in modes)
        {
            double ndcg = 0, recall = 0;
            foreach (var query in queries)
            {
                var ranked = target is IModeSearch modal
                    ? await modal.SearchDocumentsAsync(query.Text, mode, RetrievalDepth, cancellationToken)
                    : await target.SearchDocumentsAsync(query.Text, cancellationToken);
                var gains = data.Qrels[query.Id];
                ndcg += RankingMetrics.NdcgAt(ranked, gains, 10);
                recall += RankingMetrics.RecallAt(ranked, gains.Keys.ToHashSet(StringComparer.Ordinal), 10);
            }
            double n = Math.Max(1, queries.Count);
            scores.Add(new SciFactRetrieval(mode, queries.Count, ndcg / n, recall / n));
        }
        return scores;
    }
}
