using System.Net;
using RagApi.Testing;

namespace RagApi.Api.Tests.Widget;

/// <summary>The demo page and the embeddable files as the API serves them (the browser tests use them).</summary>
public sealed class WidgetFilesTests(SeedIndex index) : IAsyncDisposable
{
    private readonly RagApiApplication _app = new(index);

    [Fact]
    public async Task The_root_serves_the_demo_page_under_a_content_security_policy_without_inline_script()
    {
        using var response = await _app.GetAsync("/");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var policy = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal((HttpStatusCode.OK, "text/html", true, false, true),
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType, policy.Contains("script-src 'self'"),
             policy.Contains("unsafe-inline"), body.Contains("<script src=\"/widget/ragapi-widget.js\"")));
    }

    [Theory]
    [InlineData("/widget/ragapi-widget.js", "text/javascript")]
    [InlineData("/widget/ragapi-widget.css", "text/css")]
    public async Task The_widget_files_are_served_with_their_type_and_revalidated_on_every_load(string path, string mediaType)
    {
        using var response = await _app.GetAsync(path);

        Assert.Equal((HttpStatusCode.OK, mediaType, true, "nosniff"),
            (response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.CacheControl?.NoCache,
             response.Headers.GetValues("X-Content-Type-Options").Single()));
    }

    [Fact]
    public async Task The_demo_page_is_not_an_operation_of_the_api_reference()
    {
        using var response = await _app.GetAsync("/openapi/v1.json");
        var document = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain("\"/\":", document);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
