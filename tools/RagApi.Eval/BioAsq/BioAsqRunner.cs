using RagApi.Eval.Metrics;
using RagApi.Eval.Suites;
using RagApi.Eval.Targets;

namespace RagApi.Eval.BioAsq;

/// <summary>What one BioASQ question measured; null where a measure does not apply.</summary>
public sealed record BioAsqResult(string Id, bool Refused, double? GoldDocumentCited, double? CitationPrecision, double? QuoteInGoldSnippet, double? Ndcg10, string? Error);

/// <summary>
/// Asks each question of a target (in-process store or running API) and scores, at document level, whether a gold
/// document is cited, the share of citations to gold documents and nDCG@10 of the search ranking; at sentence
/// level, the share of citations whose quote lies inside a gold snippet of its document; and refusals.
/// </summary>
public sealed class BioAsqRunner(IEvalTarget target)
{
    /// <summary>At most <paramref name="concurrency"/> questions in flight; when interrupted, what has finished is kept.</summary>
    public async Task<IReadOnlyList<BioAsqResult>> RunAsync(IReadOnlyList<BioAsqQuestion> questions, int concurrency, CancellationToken cancellationToken) =>
        (await BoundedRequests.RunAsync(questions, concurrency, RunAsync, null, cancellationToken)).OfType<BioAsqResult>().ToList();

    public async Task<BioAsqResult> RunAsync(BioAsqQuestion q, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await target.AnswerAsync(q.Body, [], cancellationToken);
            var gold = q.Documents.ToHashSet(StringComparer.Ordinal);
            var ranked = await target.SearchDocumentsAsync(q.Body, cancellationToken);
            var cited = answer.Citations;
            double? quoteInSnippet = cited.Count == 0 || q.Snippets.Count == 0 ? null
                : cited.Count(c => q.Snippets.Any(s => s.DocumentId == c.DocumentId && Normalise(s.Text).Contains(Normalise(c.Quote), StringComparison.Ordinal))) / (double)cited.Count;
            return new BioAsqResult(q.Id, answer.InsufficientEvidence,
                gold.Count == 0 ? null : cited.Any(c => gold.Contains(c.DocumentId)) ? 1 : 0,
                CitationMetrics.Precision(cited, gold),
                quoteInSnippet,
                gold.Count == 0 ? null : RankingMetrics.NdcgAt(ranked, gold.ToDictionary(g => g, _ => 1), 10),
                null);
        }
        catch (TargetRequestException e)
        {
            return new BioAsqResult(q.Id, false, null, null, null, null, e.Message);
        }
    }

    public static IEnumerable<(string Name, string Value)> Summary(IReadOnlyList<BioAsqResult> results)
    {
        var ok = results.Where(r => r.Error is null).ToList();
        yield return ("questions / failed to run", $"{results.Count} / {results.Count - ok.Count}");
        yield return ("gold document cited (document level)", Rate.Of(ok.Select(r => r.GoldDocumentCited)).ToString());
        yield return ("citation precision (document level)", Rate.Of(ok.Select(r => r.CitationPrecision)).ToString());
        yield return ("quote inside a gold snippet (sentence level)", Rate.Of(ok.Select(r => r.QuoteInGoldSnippet)).ToString());
        yield return ("search nDCG@10 (documents)", Rate.Of(ok.Select(r => r.Ndcg10)).AsNumber());
        yield return ("refused", Rate.Of(ok.Select(r => r.Refused ? 1.0 : 0.0)).ToString());
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
