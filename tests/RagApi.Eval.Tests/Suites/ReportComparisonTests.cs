using RagApi.Eval.Suites;

namespace RagApi.Eval.Tests.Suites;

public sealed class ReportComparisonTests
{
    private static CaseResult Case(string id, double recall, string? error = null) =>
        new("s", id, "q", "q", false, false, [], error is null, error is null ? 1 : null, error is null ? recall : null, null, [], null, [], null, null, [], 10, error);

    private static SuiteReport Report(params CaseResult[] cases) => new("s", "t", false, "off", SuiteSummary.Of(cases, 5), cases);

    [Fact]
    public void A_fall_in_recall_beyond_the_tolerance_is_worse_for_the_case_and_the_summary()
    {
        var old = Report(Case("a", 1), Case("b", 1));
        var @new = Report(Case("a", 0.5), Case("b", 1));

        Assert.Equal((true, "a"),
            (ReportComparison.Summary(old, @new, 0.1).Single(c => c.Measure == "citation-recall").Worse,
             ReportComparison.Cases(old, @new, 0.1).Where(c => c.Worse).Select(c => c.Scope).Distinct().Single()));
    }

    [Fact]
    public void A_fall_within_the_tolerance_is_not_a_regression()
    {
        var old = Report(Case("a", 1), Case("b", 1), Case("c", 1), Case("d", 1));
        var @new = Report(Case("a", 0.9), Case("b", 1), Case("c", 1), Case("d", 1));

        Assert.DoesNotContain(ReportComparison.Summary(old, @new, 0.05).Concat(ReportComparison.Cases(old, @new, 0.2)), c => c.Worse);
    }

    [Fact]
    public void A_case_that_now_fails_to_run_is_a_regression_even_at_full_tolerance()
    {
        var old = Report(Case("a", 1));
        var @new = Report(Case("a", 1, error: "POST v1/answers returned 503"));

        Assert.Contains(ReportComparison.Cases(old, @new, 1), c => c.Worse && c.Measure == "ran");
    }

    [Fact]
    public void Better_figures_are_reported_as_better()
    {
        var change = ReportComparison.Cases(Report(Case("a", 0.5)), Report(Case("a", 1)), 0).Single();

        Assert.Equal(("citation recall", true), (change.Measure, change.Better));
    }
}
