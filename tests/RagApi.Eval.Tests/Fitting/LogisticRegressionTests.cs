using RagApi.Eval.Fitting;

namespace RagApi.Eval.Tests.Fitting;

public sealed class LogisticRegressionTests
{
    [Fact]
    public void A_fitted_model_scores_the_informative_feature_positively_and_the_noise_near_zero()
    {
        // Positives have a high first feature; the second feature is the same for both classes.
        var examples = Enumerable.Range(0, 200)
            .Select(i => new LabelledExample([i % 2 == 0 ? 0.8 + i % 7 * 0.01 : 0.2 + i % 5 * 0.01, i % 3 * 0.5], i % 2 == 0))
            .ToList();

        var (weights, _) = LogisticRegression.Fit(examples);

        Assert.True(weights[0] > 5 && Math.Abs(weights[1]) < 1, $"weights {weights[0]:F2}, {weights[1]:F2}");
    }

    [Fact]
    public void Weighted_examples_move_the_boundary_towards_the_lighter_class()
    {
        var examples = new List<LabelledExample>();
        for (var i = 0; i <= 10; i++) examples.Add(new LabelledExample([i / 10.0], i > 5, i > 5 ? 1 : 0.1));

        var (weights, bias) = LogisticRegression.Fit(examples);

        Assert.True(LogisticRegression.Probability(weights, bias, [0.5]) > 0.5);
    }

    [Fact]
    public void A_perfect_ranking_has_an_auc_of_one() =>
        Assert.Equal(1.0, LogisticRegression.Auc([(0.9, true), (0.8, true), (0.3, false), (0.1, false)]));

    [Fact]
    public void Ties_between_a_positive_and_a_negative_count_half() =>
        Assert.Equal(0.5, LogisticRegression.Auc([(0.5, true), (0.5, false)]));
}
