using System.Net;
using RagApi.Testing;

namespace RagApi.Api.Tests.Security;

/// <summary>Only the listed widget origin may call the API from a browser.</summary>
public sealed class CorsTests(SeedIndex index) : IAsyncDisposable
{
    private const string Widget = "https://widget.hospital.example";
    private const string Foreign = "https://attacker.example";

    private readonly RagApiApplication _app = new(index, settings: new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = Widget });

    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/v1/answers");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type,x-api-key");
        return await _app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string? AllowedOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;

    [Fact]
    public async Task A_preflight_from_the_widget_origin_is_allowed()
    {
        using var response = await PreflightAsync(Widget);

        Assert.Equal(Widget, AllowedOrigin(response));
    }

    [Fact]
    public async Task A_preflight_from_a_foreign_origin_is_not_allowed()
    {
        using var response = await PreflightAsync(Foreign);

        Assert.Null(AllowedOrigin(response));
    }

    [Fact]
    public async Task A_request_from_a_foreign_origin_gets_no_cors_grant()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/documents/lems-review-titulaer-2011");
        request.Headers.Add("Origin", Foreign);

        using var response = await _app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, null), (response.StatusCode, AllowedOrigin(response)));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
