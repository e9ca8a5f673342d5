using RagApi.Eval.Judging;
using RagApi.Eval.Suites;
using RagApi.Eval.Tests.Support;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Testing;

namespace RagApi.Eval.Tests.Judging;

/// <summary>ALCE-style citation recall and precision, judged by a scripted model on loopback through the real HTTP judge.</summary>
public sealed class CitationSupportTests
{
    private static readonly string Prompt = ChatModelJudge.LoadPrompt(Path.Combine(RagApi.Testing.RepositoryPaths.Root, "prompts"));

    private static ClinicalAnswer Answer() => SampleAnswers.Make(
        "- DAP improves strength. [1][2]\n- Prednisone cures LEMS. [2]\n\n---\n\n" + SampleAnswers.Disclaimer,
        [new AnswerStatement("DAP improves strength.", [1, 2]), new AnswerStatement("Prednisone cures LEMS.", [2])],
        [SampleAnswers.Citation(1, "lems-guideline"), SampleAnswers.Citation(2, "lems-review", passage: "IVIg helps too.", quote: "IVIg helps too.")]);

    [Fact]
    public async Task Recall_counts_supported_statements_and_precision_drops_a_citation_the_others_make_redundant()
    {
        await using var server = await ScriptedJudgeServer.StartAsync();
        using var judge = new ChatModelJudge(new JudgeSettings("OpenAI", server.Endpoint, "judge-key", "scripted", null), Prompt);

        var result = await CitationSupport.JudgeAsync(Answer(), judge, TestContext.Current.CancellationToken);

        // Statement 1 is supported by [1] alone, [2] adds nothing; statement 2 is not supported, so its [2] is imprecise.
        Assert.Equal((0.5, 1 / 3.0, "Prednisone cures LEMS."), (result.Recall, result.Precision!.Value, result.Unsupported.Single()));
    }

    [Fact]
    public async Task The_judge_sends_the_model_name_temperature_zero_and_the_key_as_a_bearer_token()
    {
        await using var server = await ScriptedJudgeServer.StartAsync();
        using var judge = new ChatModelJudge(new JudgeSettings("OpenAI", server.Endpoint, "judge-key", "scripted", null), Prompt);

        await judge.SupportsAsync("DAP improves strength.", ["DAP improves strength."], TestContext.Current.CancellationToken);

        Assert.Equal(("scripted", 0, "Bearer judge-key"), (server.Requests[0]["model"]!.GetValue<string>(), server.Requests[0]["temperature"]!.GetValue<int>(), server.Authorizations[0]));
    }

    [Fact]
    public async Task A_suite_run_with_a_judge_fails_the_case_whose_statement_its_citation_does_not_support()
    {
        await using var server = await ScriptedJudgeServer.StartAsync();
        using var judge = new ChatModelJudge(new JudgeSettings("OpenAI", server.Endpoint, null, "scripted", null), Prompt);
        var runner = new SuiteRunner(new FakeTarget(Answer(), []), 5, SampleAnswers.Disclaimer, judge);

        var result = await runner.RunAsync(new SuiteCase("c", "q", [], [], [], false, "t:1"), TestContext.Current.CancellationToken);

        Assert.Contains(result.QualityFailures, f => f.Contains("Prednisone cures LEMS.", StringComparison.Ordinal));
    }

    [Fact]
    public void No_judge_provider_means_the_judge_is_off()
    {
        Assert.Null(JudgeSettings.FromEnvironment(_ => null));
    }

    [Fact]
    public void A_judge_provider_without_its_endpoint_and_model_names_both_settings()
    {
        var error = Assert.Throws<ArgumentException>(() => JudgeSettings.FromEnvironment(key => key == "Judge__Provider" ? "OpenAI" : null));

        Assert.Contains("OpenAI__Endpoint and OpenAI__ChatModel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_say_the_judge_is_off_when_none_is_configured()
    {
        var html = HtmlReportWriter.ToHtml([], SuiteSummary.Of([], 5), "s", "t", false);

        Assert.Contains("off (no judge model configured", html, StringComparison.Ordinal);
    }
}
