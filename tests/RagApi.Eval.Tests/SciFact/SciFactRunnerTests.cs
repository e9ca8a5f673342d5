using RagApi.Eval.Beir;
using RagApi.Eval.SciFact;
using RagApi.Eval.Tests.Support;
using RagApi.Knowledge.Storage;

namespace RagApi.Eval.Tests.SciFact;

public sealed class SciFactRunnerTests
{
    private static readonly EvidencedClaim Claim = new("7", "LEMS is caused by VGCC antibodies.",
        [new Rationale("lems-guideline", "SUPPORT", ["DAP improves strength."])]);

    [Fact]
    public async Task A_claim_answered_with_its_rationale_scores_as_cited_and_quoted()
    {
        var scores = (await new SciFactRunner(new FakeTarget(SampleAnswers.Valid(), [])).AnswerAsync([Claim], TestContext.Current.CancellationToken))!;

        Assert.Equal((1.0, 1.0, 0.5), (scores.EvidenceCited, scores.RationaleQuoted, scores.CitationPrecision.Value ?? -1));
    }

    [Fact]
    public async Task A_claim_answered_from_its_abstract_but_another_sentence_is_cited_but_not_quoted()
    {
        var claim = Claim with { Rationales = [new Rationale("lems-guideline", "SUPPORT", ["IVIg helps too."])] };

        var scores = (await new SciFactRunner(new FakeTarget(SampleAnswers.Valid(), [])).AnswerAsync([claim], TestContext.Current.CancellationToken))!;

        Assert.Equal((1.0, 0.0), (scores.EvidenceCited, scores.RationaleQuoted));
    }

    [Fact]
    public async Task Each_claim_is_listed_with_what_its_answer_cited()
    {
        var scores = (await new SciFactRunner(new FakeTarget(SampleAnswers.Valid(), [])).AnswerAsync([Claim], TestContext.Current.CancellationToken))!;

        var claim = Assert.Single(scores.PerClaim);
        Assert.Equal(("7", false, true, true), (claim.Id, claim.Refused, claim.EvidenceCited, claim.RationaleQuoted));
    }

    [Fact]
    public async Task A_target_that_cannot_choose_the_mode_is_scored_on_hybrid_search_only()
    {
        var data = new BeirDataset("f", "f/corpus.jsonl", [new("7", "claim")], new Dictionary<string, IReadOnlyDictionary<string, int>> { ["7"] = new Dictionary<string, int> { ["d2"] = 1 } });

        var scores = (await new SciFactRunner(new FakeTarget(SampleAnswers.Valid(), ["d1", "d2"])).RetrieveAsync(data, data.Queries, TestContext.Current.CancellationToken))!;

        Assert.Equal([(SearchMode.Hybrid, 1 / Math.Log2(3))], scores.Select(s => (s.Mode, s.NdcgAt10)));
    }

    [Fact]
    public async Task An_interrupted_run_gives_no_answer_figures_rather_than_figures_from_part_of_the_claims()
    {
        using var interrupted = new CancellationTokenSource();
        await interrupted.CancelAsync();

        var scores = await new SciFactRunner(new FakeTarget(SampleAnswers.Valid(), []), concurrency: 2).AnswerAsync([Claim, Claim], interrupted.Token);

        Assert.Null(scores);
    }
}
