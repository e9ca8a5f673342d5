using System.Xml.Linq;
using RagApi.Eval.Suites;
using RagApi.Eval.Targets;
using RagApi.Eval.Tests.Support;

namespace RagApi.Eval.Tests.Api;

/// <summary>`suite --api` against the real server process on loopback, with and without its API key.</summary>
public sealed class SuiteAgainstRunningApiTests(SeedServer server) : IClassFixture<SeedServer>
{
    private const string Suite = """
        {"id": "lems-treatment", "question": "What is the recommended symptomatic treatment for Lambert-Eaton myasthenic syndrome?", "expectedSourceIds": ["pns-management-efns-vedeler-2006", "lems-3-4-diaminopyridine-trial-sanders-2000"], "expectedPhrases": ["3,4-diaminopyridine"]}
        {"id": "lems-follow-up", "question": "And how is it treated?", "history": [{"role": "user", "content": "What causes Lambert-Eaton myasthenic syndrome?"}, {"role": "assistant", "content": "Antibodies against voltage-gated calcium channels."}], "expectedSourceIds": ["pns-management-efns-vedeler-2006"]}
        {"id": "cake", "question": "How do I bake a chocolate cake?", "shouldRefuse": true}
        """;

    [Fact]
    public async Task The_suite_command_given_the_api_url_and_key_answers_every_case_and_writes_one_junit_testcase_per_case()
    {
        var suite = Path.Combine(server.Folder, "suite.jsonl");
        await File.WriteAllTextAsync(suite, Suite, TestContext.Current.CancellationToken);
        var junit = Path.Combine(server.Folder, "with-key.xml");

        var exit = await EvalProgram.Main(["suite", suite, "--api", server.Address.ToString().TrimEnd('/'), "--api-key", SeedServer.ApiKey,
            "--concurrency", "2", "--junit", junit, "--min-structural-validity", "1"]);
        var cases = XDocument.Load(junit).Descendants("testcase").ToList();

        Assert.Equal((0, 3, 0), (exit, cases.Count, cases.Count(c => c.Element("error") is not null)));
    }

    [Fact]
    public async Task Without_the_key_every_case_is_an_http_401_failure_and_no_quality_failure()
    {
        var cases = SuiteReader.Read(await WriteSuiteAsync("no-key.jsonl"));
        await using var target = new HttpTarget(server.Address, apiKey: null);

        var results = await new SuiteRunner(target, 5, null).RunAsync(cases, 3, null, TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal((true, (int?)401, 0), (r.FailedToRun, r.HttpStatus, r.QualityFailures.Count)));
    }

    [Fact]
    public async Task With_the_key_the_answers_are_measured_and_the_unanswerable_case_is_refused()
    {
        var cases = SuiteReader.Read(await WriteSuiteAsync("key.jsonl"));
        await using var target = new HttpTarget(server.Address, SeedServer.ApiKey);

        var results = await new SuiteRunner(target, 5, null).RunAsync(cases, 3, null, TestContext.Current.CancellationToken);
        var summary = SuiteSummary.Of(results, 5);

        Assert.Equal((0, 1.0, 1.0, 1.0), (summary.Errors, summary.StructuralValidity.Value, summary.RefusalAccuracy.Value, summary.PhraseRecall.Value));
    }

    private async Task<string> WriteSuiteAsync(string name)
    {
        var path = Path.Combine(server.Folder, name);
        await File.WriteAllTextAsync(path, Suite, TestContext.Current.CancellationToken);
        return path;
    }
}
