using System.Text.Json;
using RagApi.Eval.Tests.Support;

namespace RagApi.Eval.Tests.Api;

/// <summary>`scifact --api` against the real server whose rate limit the run exceeds: 429s are waited out within the retry budget.</summary>
public sealed class SciFactAgainstRateLimitedApiTests(RateLimitedBeirServer server) : IClassFixture<RateLimitedBeirServer>
{
    [Fact]
    public async Task Requests_answered_429_are_retried_after_their_retry_after_and_the_run_scores_every_claim()
    {
        var report = Path.Combine(server.Folder, "scifact-limited.json");

        var exit = await EvalProgram.Main(["scifact", WriteSample(), "--api", server.Address.ToString(), "--api-key", BeirServer.ApiKey,
            "--concurrency", "4", "--json", report]);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken));

        Assert.Equal((0, 1.0), (exit, json.RootElement.GetProperty("answers").GetProperty("evidenceCited").GetDouble()));
    }

    [Fact]
    public async Task With_no_retry_budget_the_first_429_stops_the_run_with_exit_1_and_writes_no_figures()
    {
        var report = Path.Combine(server.Folder, "scifact-no-budget.json");

        var exit = await EvalProgram.Main(["scifact", WriteSample(), "--api", server.Address.ToString(), "--api-key", BeirServer.ApiKey,
            "--concurrency", "4", "--retry-budget", "0", "--json", report]);

        Assert.Equal((1, false), (exit, File.Exists(report)));
    }

    private string WriteSample() => SciFactSample.Write(Path.Combine(server.Folder, "scifact"), Path.Combine(server.Dataset, "corpus.jsonl"));
}
