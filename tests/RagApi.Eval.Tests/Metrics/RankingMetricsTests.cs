using RagApi.Eval.Metrics;

namespace RagApi.Eval.Tests.Metrics;

public sealed class RankingMetricsTests
{
    private static readonly HashSet<string> RelevantB = ["b"];

    [Fact]
    public void Recall_at_k_counts_only_relevant_documents_within_the_first_k()
    {
        string[] ranked = ["a", "b", "c", "d"];
        HashSet<string> relevant = ["b", "d"];

        Assert.Equal((0.0, 0.5, 1.0), (RankingMetrics.RecallAt(ranked, relevant, 1), RankingMetrics.RecallAt(ranked, relevant, 2), RankingMetrics.RecallAt(ranked, relevant, 4)));
    }

    [Fact]
    public void Reciprocal_rank_is_one_over_the_rank_of_the_first_relevant_document_and_zero_when_absent()
    {
        Assert.Equal((0.5, 0.0), (RankingMetrics.ReciprocalRank(["a", "b", "c"], RelevantB), RankingMetrics.ReciprocalRank(["a", "c"], RelevantB)));
    }

    [Fact]
    public void Ndcg_of_a_single_relevant_document_at_rank_two_is_one_over_log2_of_three()
    {
        var ndcg = RankingMetrics.NdcgAt(["a", "b", "c"], new Dictionary<string, int> { ["b"] = 1 }, 10);

        Assert.Equal(1 / Math.Log2(3), ndcg, 9);
    }

    [Fact]
    public void Ndcg_uses_graded_gains_against_the_ideal_order()
    {
        var gains = new Dictionary<string, int> { ["x"] = 2, ["y"] = 1 };
        var ideal = 2 + 1 / Math.Log2(3);
        var swapped = 1 + 2 / Math.Log2(3);

        Assert.Equal((1.0, swapped / ideal), (RankingMetrics.NdcgAt(["x", "y"], gains, 10), RankingMetrics.NdcgAt(["y", "x"], gains, 10)));
    }

    [Fact]
    public void Ndcg_ignores_a_relevant_document_ranked_below_k()
    {
        Assert.Equal(0, RankingMetrics.NdcgAt(["a", "c", "b"], new Dictionary<string, int> { ["b"] = 1 }, 2));
    }

    [Fact]
    public void Documents_rank_at_their_best_passage()
    {
        Assert.Equal(["d1", "d2", "d3"], RankingMetrics.DocumentsInOrder(["d1", "d2", "d1", "d3", "d2"]));
    }

    [Fact]
    public void Percentiles_use_the_nearest_rank()
    {
        double[] values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];

        Assert.Equal((5.0, 10.0, 1.0), (Percentiles.Of(values, 50), Percentiles.Of(values, 95), Percentiles.Of(values, 0)));
    }
}
