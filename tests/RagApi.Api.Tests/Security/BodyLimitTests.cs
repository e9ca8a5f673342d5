using System.Net;
using RagApi.Testing;

namespace RagApi.Api.Tests.Security;

public sealed class BodyLimitTests(SeedIndex index) : IAsyncDisposable
{
    private readonly RagApiApplication _app = new(index, settings: new Dictionary<string, string?> { ["Requests:MaxBodyBytes"] = "4096" });

    [Fact]
    public async Task A_body_over_the_limit_gets_a_413_problem()
    {
        using var response = await _app.PostAsync("/v1/answers", new { question = new string('a', 5000) });

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "application/problem+json", "urn:ragapi:problem:body-too-large"), (problem.Status, problem.MediaType, problem.Type));
    }

    [Fact]
    public async Task A_body_under_the_limit_is_read()
    {
        using var response = await _app.PostAsync("/v1/search", new { query = "amifampridine" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
