using System.Text.Json;
using RagApi.Eval.Tests.Support;

namespace RagApi.Eval.Tests.Api;

/// <summary>`beir --api` against the real server process on loopback, beside the in-process run on the server's own store.</summary>
[Collection(SharedBeirServer.Name)]
public sealed class BeirAgainstRunningApiTests(BeirServer server)
{
    [Fact]
    public async Task The_api_run_gives_the_same_hybrid_figures_as_the_in_process_run_on_the_same_store()
    {
        var overApi = Path.Combine(server.Folder, "api.json");
        var inProcess = Path.Combine(server.Folder, "in-process.json");

        var apiExit = await EvalProgram.Main(["beir", server.Dataset, "--api", server.Address.ToString(), "--api-key", BeirServer.ApiKey,
            "--concurrency", "2", "--skip-answers", "--json", overApi]);
        var localExit = await EvalProgram.Main(["beir", server.Dataset, "--store", server.StorePath, "--skip-answers", "--json", inProcess]);
        var api = await RetrievalAsync(overApi);
        var local = await RetrievalAsync(inProcess);

        Assert.Equal((0, 0), (apiExit, localExit));
        Assert.Equal(["hybrid", "dense@hybrid", "lexical@hybrid"], api.Keys);
        Assert.Equal(api, api.Keys.ToDictionary(k => k, k => local[k]));
    }

    [Fact]
    public async Task The_hybrid_ndcg_over_the_api_ranks_the_judged_abstracts_first()
    {
        var overApi = Path.Combine(server.Folder, "api-ndcg.json");

        await EvalProgram.Main(["beir", server.Dataset, "--api", server.Address.ToString(), "--api-key", BeirServer.ApiKey, "--skip-answers", "--json", overApi]);

        Assert.InRange((await RetrievalAsync(overApi))["hybrid"].Ndcg, 0.9, 1.0);
    }

    [Fact]
    public async Task A_request_that_fails_stops_the_run_with_exit_1_and_writes_no_figures()
    {
        var overApi = Path.Combine(server.Folder, "no-key.json");

        var exit = await EvalProgram.Main(["beir", server.Dataset, "--api", server.Address.ToString(), "--skip-answers", "--json", overApi]);

        Assert.Equal((1, false), (exit, File.Exists(overApi)));
    }

    private static async Task<Dictionary<string, (double Ndcg, double Recall10, double Mrr)>> RetrievalAsync(string path)
    {
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("retrieval").EnumerateArray().ToDictionary(
            r => r.GetProperty("ranking").GetString()!,
            r => (r.GetProperty("ndcgAt10").GetDouble(), r.GetProperty("recallAt10").GetDouble(), r.GetProperty("mrrAt10").GetDouble()));
    }
}
