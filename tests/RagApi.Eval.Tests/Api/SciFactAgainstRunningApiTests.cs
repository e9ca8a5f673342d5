using System.Text.Json;
using RagApi.Eval.Tests.Support;

namespace RagApi.Eval.Tests.Api;

/// <summary>`scifact --api` against the real server process on loopback, over the <see cref="SciFactSample"/> of its abstracts.</summary>
[Collection(SharedBeirServer.Name)]
public sealed class SciFactAgainstRunningApiTests(BeirServer server)
{
    [Fact]
    public async Task The_api_run_with_the_key_answers_every_claim_quoting_its_rationale_sentence_and_ranks_its_abstract_first()
    {
        var report = Path.Combine(server.Folder, "scifact-api.json");

        var exit = await EvalProgram.Main(["scifact", WriteSample(), "--api", server.Address.ToString(), "--api-key", BeirServer.ApiKey,
            "--concurrency", "2", "--json", report]);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken));
        var answers = json.RootElement.GetProperty("answers");
        // An API searches hybrid only, so there is one ranking.
        var hybrid = json.RootElement.GetProperty("retrieval").EnumerateArray().Single();

        Assert.Equal((0, 4, 1.0, 1.0, 0, 1.0),
            (exit, answers.GetProperty("claims").GetInt32(), answers.GetProperty("evidenceCited").GetDouble(), answers.GetProperty("rationaleQuoted").GetDouble(),
             answers.GetProperty("structurallyInvalid").GetInt32(), hybrid.GetProperty("ndcgAt10").GetDouble()));
    }

    [Fact]
    public async Task A_request_that_fails_stops_the_run_with_exit_1_and_writes_no_figures()
    {
        var report = Path.Combine(server.Folder, "scifact-no-key.json");

        var exit = await EvalProgram.Main(["scifact", WriteSample(), "--api", server.Address.ToString(), "--concurrency", "2", "--json", report]);

        Assert.Equal((1, false), (exit, File.Exists(report)));
    }

    private string WriteSample() => SciFactSample.Write(Path.Combine(server.Folder, "scifact"), Path.Combine(server.Dataset, "corpus.jsonl"));
}
