using System.Net;
using RagApi.Testing;

namespace RagApi.Api.Tests.Security;

/// <summary>With keys configured, /v1 needs one; a key removed from configuration is refused after the reload.</summary>
public sealed class ApiKeyTests : IAsyncDisposable
{
    private const string DocumentPath = "/v1/documents/lems-review-titulaer-2011";
    private readonly ReloadableSettings _settings = new(Keys.Configured(Keys.Partner, Keys.Other));
    private readonly RagApiApplication _app;

    public ApiKeyTests(SeedIndex index) => _app = new RagApiApplication(index, reloadable: _settings);

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) =>
        await _app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_request_without_a_key_is_refused_with_a_problem()
    {
        using var response = await SendAsync(Keys.Get(DocumentPath));

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.Unauthorized, "application/problem+json", "urn:ragapi:problem:api-key-required"), (problem.Status, problem.MediaType, problem.Type));
    }

    [Fact]
    public async Task A_request_with_a_wrong_key_is_refused_with_a_problem()
    {
        using var response = await SendAsync(Keys.Get(DocumentPath, "not-a-key-we-issued"));

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.Unauthorized, "application/problem+json", "urn:ragapi:problem:api-key-invalid"), (problem.Status, problem.MediaType, problem.Type));
    }

    [Fact]
    public async Task A_request_with_a_configured_key_in_the_api_key_header_is_served()
    {
        using var response = await SendAsync(Keys.Get(DocumentPath, Keys.Partner));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_request_with_a_configured_key_as_a_bearer_token_is_served()
    {
        using var response = await SendAsync(Keys.Get(DocumentPath, Keys.Partner, "Authorization"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_key_is_not_accepted_as_its_configured_hash()
    {
        using var response = await SendAsync(Keys.Get(DocumentPath, Keys.Hash(Keys.Partner)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_key_removed_from_the_configuration_is_refused_after_the_reload()
    {
        using (var before = await SendAsync(Keys.Get(DocumentPath, Keys.Other))) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        _settings.Replace(Keys.Configured(Keys.Partner));
        using var after = await SendAsync(Keys.Get(DocumentPath, Keys.Other));

        Assert.Equal((HttpStatusCode.Unauthorized, "urn:ragapi:problem:api-key-invalid"), (after.StatusCode, (await Problem.ReadAsync(after)).Type));
    }

    [Fact]
    public async Task A_reload_that_brings_an_unusable_key_list_fails_closed_with_a_503_problem()
    {
        using (var before = await SendAsync(Keys.Get(DocumentPath, Keys.Partner))) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        // The options monitor validates on reload, so the reloading thread sees the error too; clients are what matter here.
        _ = Record.Exception(() => _settings.Replace(new Dictionary<string, string?> { ["Auth:ApiKeys:0"] = "not-a-sha256-hash" }));
        using var after = await SendAsync(Keys.Get(DocumentPath, Keys.Partner));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "urn:ragapi:problem:misconfigured"), (after.StatusCode, (await Problem.ReadAsync(after)).Type));
    }

    [Fact]
    public async Task Health_endpoints_need_no_key()
    {
        using var response = await SendAsync(Keys.Get("/health/ready"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
