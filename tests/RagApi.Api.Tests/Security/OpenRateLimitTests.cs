using System.Net;
using RagApi.Testing;

namespace RagApi.Api.Tests.Security;

/// <summary>With no keys configured the API is open, and each client address has its own bucket.</summary>
public sealed class OpenRateLimitTests(SeedIndex index) : IAsyncDisposable
{
    private const string DocumentPath = "/v1/documents/lems-review-titulaer-2011";

    private readonly RagApiApplication _app = new(index, settings: new Dictionary<string, string?>
    {
        ["RateLimits:PermitsPerMinute"] = "1",
        ["RateLimits:Burst"] = "1",
    });

    [Fact]
    public async Task Without_keys_a_request_needs_none_and_the_address_is_limited()
    {
        using var first = await _app.GetAsync(DocumentPath);
        using var second = await _app.GetAsync(DocumentPath);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.TooManyRequests), (first.StatusCode, second.StatusCode));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
