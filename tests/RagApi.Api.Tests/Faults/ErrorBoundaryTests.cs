using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RagApi.Api.Tests.Infrastructure;
using RagApi.Hosting.Problems;
using RagApi.Knowledge.Storage;
using RagApi.Testing;

namespace RagApi.Api.Tests.Faults;

/// <summary>Knowledge failures are mapped once: transient ones to a 503 to retry, the rest to a 500 that names the cause.</summary>
public sealed class ErrorBoundaryTests(SeedIndex index)
{
    private static readonly object Question = new { question = "How is Lambert-Eaton myasthenic syndrome treated?" };

    private static async Task<HttpResponseMessage> AskWhileFailingAsync(RagApiApplication app, ControllableStore store)
    {
        using (var ready = await app.GetAsync("/health/ready")) Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        store.Failing = true;
        return await app.PostAsync("/v1/answers", Question);
    }

    [Fact]
    public async Task A_transient_failure_is_a_503_whose_retry_after_is_the_failures_own_delay_rounded_up()
    {
        var store = new ControllableStore(index.StorePath) { Failure = new KnowledgeStoreUnavailableException("Down for a moment.", TimeSpan.FromSeconds(7.2)) };
        await using var app = new RagApiApplication(index, services: store.RegisterIn);

        using var response = await AskWhileFailingAsync(app, store);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, ProblemTypes.StoreUnavailable, TimeSpan.FromSeconds(8)),
            (response.StatusCode, (await Problem.ReadAsync(response)).Type, response.Headers.RetryAfter?.Delta));
    }

    [Fact]
    public async Task A_failure_retrying_cannot_fix_is_a_500_problem_that_names_the_cause_without_a_stack_trace()
    {
        var store = new ControllableStore(index.StorePath) { Failure = new EmbeddingModelMismatchException("old-model", 384, "new-model", 768) };
        await using var app = new RagApiApplication(index, services: store.RegisterIn);

        using var response = await AskWhileFailingAsync(app, store);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString();
        Assert.Equal((HttpStatusCode.InternalServerError, ProblemTypes.KnowledgeFailure, true, false, false),
            (response.StatusCode, (await Problem.ReadAsync(response)).Type, detail?.Contains("'old-model'", StringComparison.Ordinal), body.Contains("   at ", StringComparison.Ordinal), response.Headers.Contains("Retry-After")));
    }

    [Fact]
    public async Task The_store_failure_503_and_the_not_ready_503_share_one_title()
    {
        var store = new ControllableStore(index.StorePath);
        await using var failing = new RagApiApplication(index, services: store.RegisterIn);
        using var storeDown = await AskWhileFailingAsync(failing, store);
        await using var unready = new RagApiApplication(index, storePath: CorruptStore(), settings: new Dictionary<string, string?> { ["Startup:RetrySeconds"] = "600" });
        using var notReady = await unready.PostAsync("/v1/answers", Question);

        Assert.Equal(await TitleAsync(storeDown), await TitleAsync(notReady));
    }

    [Fact]
    public async Task An_embedded_store_file_damaged_while_running_is_a_503_the_store_translated_itself()
    {
        var folder = index.NewScratchFolder();
        var path = Path.Combine(folder, "store.db");
        await using var app = new RagApiApplication(index, storePath: path, seedsPath: QuokkaSeeds.Write(folder));
        using (var ready = await app.GetAsync("/health/ready")) Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        foreach (var file in Directory.GetFiles(folder, "store.db*")) File.Delete(file);
        File.WriteAllBytes(path, Garbage());
        SqliteConnection.ClearAllPools();
        using var response = await app.PostAsync("/v1/search", new { query = "What should captive quokkas be fed?" });

        Assert.Equal((HttpStatusCode.ServiceUnavailable, ProblemTypes.StoreUnavailable, true),
            (response.StatusCode, (await Problem.ReadAsync(response)).Type, response.Headers.RetryAfter?.Delta > TimeSpan.Zero));
    }

    private static async Task<string?> TitleAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("title").GetString();

    private static byte[] Garbage() => Enumerable.Range(0, 8192).Select(i => (byte)(i * 31 % 251)).ToArray();

    private string CorruptStore()
    {
        var path = Path.Combine(index.NewScratchFolder(), "corrupt.db");
        File.WriteAllBytes(path, Garbage());
        return path;
    }
}
