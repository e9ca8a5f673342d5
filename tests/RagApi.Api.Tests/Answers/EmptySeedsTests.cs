using System.Net;
using RagApi.Testing;

namespace RagApi.Api.Tests.Answers;

/// <summary>Operators who index their own documents start the API on an empty store with an empty Seeds:Path.</summary>
public sealed class EmptySeedsTests(SeedIndex index)
{
    [Fact]
    public async Task An_empty_seeds_path_starts_ready_with_an_empty_store()
    {
        var folder = index.NewScratchFolder();
        await using var app = new RagApiApplication(index, storePath: Path.Combine(folder, "store.db"), seedsPath: "");

        using var ready = await app.GetAsync("/health/ready");
        using var answer = await app.PostAsync("/v1/answers", new { question = "How is Lambert-Eaton myasthenic syndrome treated?" });

        var body = await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, true), (ready.StatusCode, body.Contains("\"insufficientEvidence\":true", StringComparison.Ordinal)));
    }
}
