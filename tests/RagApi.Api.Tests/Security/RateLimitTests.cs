using System.Net;
using RagApi.Testing;

namespace RagApi.Api.Tests.Security;

/// <summary>Each key has its own bucket: two requests a burst, one more a minute.</summary>
public sealed class RateLimitTests(SeedIndex index) : IAsyncDisposable
{
    private const string DocumentPath = "/v1/documents/lems-review-titulaer-2011";

    private readonly RagApiApplication _app = new(index, settings: new Dictionary<string, string?>(Keys.Configured(Keys.Partner, Keys.Other))
    {
        ["RateLimits:PermitsPerMinute"] = "1",
        ["RateLimits:Burst"] = "2",
    });

    private async Task<HttpResponseMessage> GetAsync(string key) =>
        await _app.CreateClient().SendAsync(Keys.Get(DocumentPath, key), TestContext.Current.CancellationToken);

    private async Task SpendBurstAsync(string key)
    {
        for (var i = 0; i < 2; i++)
        {
            using var response = await GetAsync(key);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_key_over_its_limit_gets_a_429_problem_with_retry_after()
    {
        await SpendBurstAsync(Keys.Partner);

        using var response = await GetAsync(Keys.Partner);

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.TooManyRequests, "application/problem+json", "urn:ragapi:problem:rate-limited"), (problem.Status, problem.MediaType, problem.Type));
        Assert.InRange(int.Parse(response.Headers.GetValues("Retry-After").Single()), 1, 60);
    }

    [Fact]
    public async Task Another_key_keeps_its_own_limit()
    {
        await SpendBurstAsync(Keys.Partner);
        using (var limited = await GetAsync(Keys.Partner)) Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);

        using var response = await GetAsync(Keys.Other);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
