using RagApi.Eval.Fitting;

namespace RagApi.Eval.Tests.Fitting;

public sealed class ListwiseRankingTests
{
    /// <summary>Questions whose answering sentence has the highest first feature; the second is shared noise.</summary>
    private static List<RankedList> Questions(double scale) =>
        Enumerable.Range(0, 40).Select(q => new RankedList(
            Enumerable.Range(0, 6).Select(c => (Features: new[] { scale * (c == q % 6 ? 0.9 : 0.1 + c * 0.05), scale * ((q + c) % 3) }, Positive: c == q % 6)).ToList()))
            .ToList();

    [Fact]
    public void The_feature_that_marks_the_answering_sentence_gets_the_larger_weight()
    {
        var weights = ListwiseRanking.Fit(Questions(1));

        Assert.True(weights[0] > 1 && Math.Abs(weights[0]) > 10 * Math.Abs(weights[1]), $"weights {weights[0]:F2}, {weights[1]:F2}");
    }

    [Fact]
    public void Large_feature_values_still_converge_to_a_ranking_that_puts_the_answer_first()
    {
        // A full Newton step overshoots on features this large; step halving keeps the fit climbing.
        var questions = Questions(20);

        var weights = ListwiseRanking.Fit(questions);

        Assert.All(questions, q => Assert.True(q.Candidates.MaxBy(c => weights[0] * c.Features[0] + weights[1] * c.Features[1]).Positive));
    }

    [Fact]
    public void Questions_without_both_kinds_of_sentence_are_refused()
    {
        var onlyPositives = new RankedList([([1.0], true), ([0.5], true)]);

        Assert.Throws<ArgumentException>(() => ListwiseRanking.Fit([onlyPositives]));
    }
}
