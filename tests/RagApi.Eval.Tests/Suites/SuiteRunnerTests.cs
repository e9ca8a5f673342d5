using RagApi.Eval.Suites;
using RagApi.Eval.Tests.Support;
using RagApi.Testing;

namespace RagApi.Eval.Tests.Suites;

public sealed class SuiteRunnerTests
{
    private static SuiteCase Case(string id, bool shouldRefuse = false, string[]? sources = null, string[]? phrases = null) =>
        new(id, "How is LEMS treated?", [], sources ?? (shouldRefuse ? [] : ["lems-guideline", "lems-trial"]), phrases ?? [], shouldRefuse, "test:1");

    [Fact]
    public async Task A_case_is_scored_on_citations_phrases_and_retrieval()
    {
        var runner = new SuiteRunner(new FakeTarget(SampleAnswers.Valid(), ["other", "lems-trial", "lems-guideline"]), recallK: 2, SampleAnswers.Disclaimer);

        var r = await runner.RunAsync(Case("c", phrases: ["IVIg helps", "azathioprine"]), TestContext.Current.CancellationToken);

        Assert.Equal((true, true, 0.5, 0.5, 0.5, 0.5, 0.5), (r.StructurallyValid, r.DisclaimerPresent, r.CitationPrecision, r.CitationRecall, r.PhraseRecall, r.RecallAtK, r.ReciprocalRank));
    }

    [Fact]
    public async Task An_unanswerable_question_that_is_answered_counts_against_refusal_accuracy()
    {
        var runner = new SuiteRunner(new FakeTarget(SampleAnswers.Valid(), []), 5, SampleAnswers.Disclaimer);

        var results = await runner.RunAsync([Case("answered", shouldRefuse: true), Case("answerable")], null, TestContext.Current.CancellationToken);
        var summary = SuiteSummary.Of(results, 5);

        Assert.Equal((0.5, 0.0, 1.0), (summary.RefusalAccuracy.Value, summary.UnanswerableRefused.Value, summary.AnswerableAnswered.Value));
    }

    [Fact]
    public async Task A_refusal_of_an_answerable_question_scores_zero_recall_and_no_precision()
    {
        var runner = new SuiteRunner(new FakeTarget(SampleAnswers.Refusal(), ["lems-guideline"]), 5, SampleAnswers.Disclaimer);

        var r = await runner.RunAsync(Case("refused"), TestContext.Current.CancellationToken);

        Assert.Equal((false, (double?)null, (double?)0.0), (r.RefusalCorrect, r.CitationPrecision, r.CitationRecall));
    }

    [Fact]
    public async Task The_gate_fails_a_run_below_a_minimum_and_passes_one_above()
    {
        var runner = new SuiteRunner(new FakeTarget(SampleAnswers.Valid(), []), 5, SampleAnswers.Disclaimer);
        var summary = SuiteSummary.Of(await runner.RunAsync([Case("c")], null, TestContext.Current.CancellationToken), 5);

        var failing = new SuiteGate(new Dictionary<string, double> { ["citation-recall"] = 1.0, ["structural-validity"] = 1.0 }).Failures(summary);
        var passing = new SuiteGate(new Dictionary<string, double> { ["citation-recall"] = 0.5 }).Failures(summary);

        Assert.Equal((1, 0), (failing.Count, passing.Count));
    }

    [Fact]
    public async Task The_markdown_report_names_what_went_wrong_in_a_case()
    {
        var broken = SampleAnswers.Valid() with { Answer = SampleAnswers.Valid().Answer.Replace(" [2]", "") };
        var runner = new SuiteRunner(new FakeTarget(broken, []), 5, SampleAnswers.Disclaimer);
        var results = await runner.RunAsync([Case("broken")], null, TestContext.Current.CancellationToken);

        var markdown = SuiteReportWriter.ToMarkdown(results, SuiteSummary.Of(results, 5), "s.jsonl", "fake");

        Assert.Contains("structure: Citation 2 is never used in the answer.", markdown);
    }

    [Fact]
    public async Task Facts_are_scored_both_as_stated_in_the_answer_and_as_found_in_the_cited_passages()
    {
        var answer = SampleAnswers.Valid() with { Citations = [SampleAnswers.Citation(1, "lems-guideline", passage: "DAP improves strength. Azathioprine spares steroids."), SampleAnswers.Citation(2, "lems-review", quote: "IVIg helps too.")] };
        var runner = new SuiteRunner(new FakeTarget(answer, []), 5, SampleAnswers.Disclaimer);

        var r = await runner.RunAsync(Case("c", phrases: ["DAP improves", "azathioprine"]), TestContext.Current.CancellationToken);

        Assert.Equal("0.5 1 azathioprine", $"{r.StatedPhraseRecall} {r.PhraseRecall} {string.Join(",", r.PhrasesNotStated)}");
    }

    [Fact]
    public async Task The_breakdown_summarises_each_suite_file_separately()
    {
        var runner = new SuiteRunner(new FakeTarget(SampleAnswers.Valid(), []), 5, SampleAnswers.Disclaimer);
        SuiteCase In(string file, string id, bool refuse) => Case(id, shouldRefuse: refuse) with { Location = $"/x/{file}.jsonl:3" };
        var results = await runner.RunAsync([In("single", "a", false), In("unanswerable", "b", true), In("single", "c", false)], null, TestContext.Current.CancellationToken);

        var bySuite = SuiteBreakdown.Of(results, 5);

        Assert.Equal([("single", 2, 1.0), ("unanswerable", 1, 0.0)], bySuite.Select(b => (b.Suite, b.Summary.Cases, b.Summary.RefusalAccuracy.Value ?? -1)));
    }

    [Fact]
    public async Task The_markdown_report_names_a_fact_found_in_a_cited_passage_but_not_stated()
    {
        var answer = SampleAnswers.Valid() with { Citations = [SampleAnswers.Citation(1, "lems-guideline", passage: "DAP improves strength. Azathioprine spares steroids."), SampleAnswers.Citation(2, "lems-review", quote: "IVIg helps too.")] };
        var runner = new SuiteRunner(new FakeTarget(answer, []), 5, SampleAnswers.Disclaimer);
        var results = await runner.RunAsync([Case("c", phrases: ["azathioprine"])], null, TestContext.Current.CancellationToken);

        Assert.Contains("facts in a cited passage but not stated: \"azathioprine\"", SuiteReportWriter.ToMarkdown(results, SuiteSummary.Of(results, 5), "s.jsonl", "fake"));
    }
}
