using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RagApi.Hosting.Security;
using RagApi.Testing;

namespace RagApi.Api.Tests.Security;

/// <summary>The /v1 rules sit on the route group: every /v1 endpoint carries them, nothing else does.</summary>
public sealed class ApiGroupTests(SeedIndex index) : IAsyncDisposable
{
    private readonly RagApiApplication _app = new(index, settings: new Dictionary<string, string?>(Keys.Configured(Keys.Partner))
    {
        ["RateLimits:PermitsPerMinute"] = "1",
        ["RateLimits:Burst"] = "1",
    });

    private IReadOnlyList<RouteEndpoint> Endpoints() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static bool IsApi(RouteEndpoint endpoint) => endpoint.RoutePattern.RawText?.StartsWith("/v1/", StringComparison.Ordinal) == true;

    private static bool CarriesTheGroupRules(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == ApiKeyAuthentication.Policy)
        && endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == RateLimitExtensions.PerClientPolicy;

    [Fact]
    public void Every_v1_endpoint_requires_the_key_policy_and_the_per_client_limit()
    {
        var api = Endpoints().Where(IsApi).ToList();

        Assert.Equal((4, true), (api.Count, api.All(CarriesTheGroupRules)));
    }

    [Fact]
    public void No_endpoint_outside_v1_carries_the_group_rules()
    {
        Assert.DoesNotContain(Endpoints().Where(e => !IsApi(e)), CarriesTheGroupRules);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/")]
    [InlineData("/docs/")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/widget/ragapi-widget.js")]
    public async Task Paths_outside_v1_stay_open_without_a_key(string path)
    {
        using var response = await _app.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/v1/search", """{"query":"amifampridine"}""")]
    [InlineData("/v1/answers", """{"question":"How is LEMS treated?"}""")]
    [InlineData("/v1/answers/stream", """{"question":"How is LEMS treated?"}""")]
    public async Task Each_v1_post_needs_a_key(string path, string body)
    {
        using var response = await _app.PostRawAsync(path, body, "application/json");

        Assert.Equal((HttpStatusCode.Unauthorized, "urn:ragapi:problem:api-key-required"), (response.StatusCode, (await Problem.ReadAsync(response)).Type));
    }

    [Fact]
    public async Task Paths_outside_v1_are_not_rate_limited()
    {
        for (var i = 0; i < 3; i++)
        {
            using var response = await _app.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
