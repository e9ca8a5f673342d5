using RagApi.Eval.Perf;

namespace RagApi.Eval.Tests.Perf;

public sealed class WarmUpRoundsTests
{
    [Fact]
    public void A_server_still_speeding_up_is_not_steady()
    {
        // Rounds of 256 answers from a cold start, measured here (answers/s at 16 clients).
        Assert.False(WarmUpRounds.Steady([99, 95, 123, 126, 151, 145, 131, 184, 229, 222, 258, 183]));
    }

    [Fact]
    public void Two_rounds_without_a_gain_over_the_best_before_them_are_steady()
    {
        Assert.True(WarmUpRounds.Steady([99, 95, 123, 126, 151, 145, 131, 184, 229, 222, 258, 183, 199]));
    }

    [Fact]
    public void Rounds_that_do_not_rise_are_not_steady_before_the_minimum_number_of_answers()
    {
        // A noisy round early on is no steady state: the step up had not come yet in this run of 8 rounds.
        Assert.False(WarmUpRounds.Steady([105, 107, 138, 129, 147, 124, 108, 138]));
    }

    [Fact]
    public void The_warm_up_ends_at_its_maximum_however_the_rounds_move()
    {
        Assert.True(WarmUpRounds.Steady(Enumerable.Range(1, WarmUpRounds.MaximumAnswers / WarmUpRounds.RoundAnswers).Select(i => 100.0 * i).ToList()));
    }
}
