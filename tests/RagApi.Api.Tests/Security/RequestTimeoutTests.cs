using System.Net;
using RagApi.Testing;

namespace RagApi.Api.Tests.Security;

/// <summary>A request the store never answers is cancelled at the configured timeout with a 504 problem.</summary>
public sealed class RequestTimeoutTests : IAsyncDisposable
{
    private readonly RagApiApplication _app;

    public RequestTimeoutTests(SeedIndex index)
    {
        var store = new ControllableStore(index.StorePath) { HoldSearches = true };
        _app = new RagApiApplication(index, services: store.RegisterIn,
            settings: new Dictionary<string, string?> { ["Requests:TimeoutSeconds"] = "0.2" });
    }

    [Fact]
    public async Task A_request_over_the_timeout_gets_a_504_problem()
    {
        using var response = await _app.PostAsync("/v1/search", new { query = "amifampridine" });

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.GatewayTimeout, "application/problem+json", "urn:ragapi:problem:timeout"), (problem.Status, problem.MediaType, problem.Type));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
