using System.Net;
using System.Text.Json;
using RagApi.Api.Tests.Infrastructure;
using RagApi.Testing;

namespace RagApi.Api.Tests.Faults;

/// <summary>
/// A store file that is not a database at start: the process stays live (no crash loop), is not ready, explains
/// itself in 503 problems, and recovers by itself once the file is removed (the seeds are then indexed anew).
/// </summary>
public sealed class StoreUnreadableAtStartTests : IAsyncDisposable
{
    private readonly string _storePath;
    private readonly RagApiApplication _app;

    public StoreUnreadableAtStartTests(SeedIndex index)
    {
        var folder = index.NewScratchFolder();
        _storePath = Path.Combine(folder, "corrupt.db");
        File.WriteAllBytes(_storePath, Enumerable.Range(0, 8192).Select(i => (byte)(i * 31 % 251)).ToArray());
        var seeds = QuokkaSeeds.Write(folder);
        _app = new RagApiApplication(index, storePath: _storePath, seedsPath: seeds,
            settings: new Dictionary<string, string?> { ["Startup:RetrySeconds"] = "0.05" });
    }

    [Fact]
    public async Task The_service_starts_and_stays_live()
    {
        using var response = await _app.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_service_is_not_ready_and_says_why()
    {
        using var response = await _app.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Answers_are_503_problems_explaining_the_store_cannot_be_opened()
    {
        using var response = await _app.PostAsync("/v1/answers", new { question = "What should captive quokkas be fed?" });

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "urn:ragapi:problem:store-unavailable"), (response.StatusCode, body.GetProperty("type").GetString()));
        Assert.Contains("cannot be opened: SQLite Error 26", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Removing_the_unreadable_file_lets_the_service_recover_without_a_restart()
    {
        using (var before = await _app.GetAsync("/health/ready")) Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);

        File.Delete(_storePath);
        await WaitUntilReadyAsync();
        var answer = await _app.AnswerAsync(new { question = "What should captive quokkas be fed?" });

        Assert.Equal(QuokkaSeeds.DocumentId, answer.Citations[0].DocumentId);
    }

    private async Task WaitUntilReadyAsync()
    {
        // Bounded wait for the background retry, not a timing assertion: it fails only if recovery never happens.
        for (var attempt = 0; attempt < 3000; attempt++)
        {
            using var response = await _app.GetAsync("/health/ready");
            if (response.StatusCode == HttpStatusCode.OK) return;
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        Assert.Fail("The service did not become ready after the unreadable store file was removed.");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
