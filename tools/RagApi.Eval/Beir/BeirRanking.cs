using RagApi.Eval.Metrics;
using RagApi.Eval.Targets;

namespace RagApi.Eval.Beir;

/// <summary>
/// One query's documents ranked one way, best first (a document once, at its best passage), and how long the
/// search took (null for a ranking read from another search's passages).
/// </summary>
public sealed record BeirRanking(string Name, IReadOnlyList<string> Documents, double? Milliseconds)
{
    public const string Hybrid = "hybrid";
    public const string Dense = "dense";
    public const string Lexical = "lexical";
    public const string DenseWithinHybrid = "dense@hybrid";
    public const string LexicalWithinHybrid = "lexical@hybrid";

    /// <summary>
    /// The hybrid passages in their fused order, and re-ranked by their dense and by their lexical score (what
    /// /v1/search exposes). A re-ranking only reorders the hybrid's passages, so it is not the store's dense or
    /// BM25 search; a passage that was no candidate of that ranking (score null) goes last, in fused order.
    /// </summary>
    public static IReadOnlyList<BeirRanking> FromHybrid(IReadOnlyList<SearchedPassage> passages, double? milliseconds) =>
    [
        new(Hybrid, DocumentsOf(passages), milliseconds),
        new(DenseWithinHybrid, DocumentsOf(passages.OrderByDescending(p => p.Scores.Dense ?? float.NegativeInfinity)), null),
        new(LexicalWithinHybrid, DocumentsOf(passages.OrderByDescending(p => p.Scores.Lexical ?? float.NegativeInfinity)), null),
    ];

    public static IReadOnlyList<string> DocumentsOf(IEnumerable<SearchedPassage> passages) =>
        RankingMetrics.DocumentsInOrder(passages.Select(p => p.DocumentId));
}
