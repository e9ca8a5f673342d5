using Microsoft.Playwright;
using RagApi.Browser.Tests.Infrastructure;
using RagApi.Testing;
using static Microsoft.Playwright.Assertions;

namespace RagApi.Browser.Tests.Widget;

/// <summary>The one-script-tag embed on another origin's page, configured by its data attributes.</summary>
public sealed class EmbedTests(SeedIndex index, Chromium chromium) : IAsyncDisposable
{
    private readonly RagApiApplication _app = new(index, services: EmbedHostPage.AddTo);

    [Fact]
    public async Task The_embedded_widget_answers_from_the_api_named_in_its_data_attributes_with_its_key()
    {
        var api = _app.StartOnLoopback();
        await using var widget = await WidgetPage.OpenAsync(chromium, EmbedHostPage.AddressFor(api));

        var request = await widget.AskCapturingRequestAsync("How is Lambert-Eaton myasthenic syndrome treated?");

        await Expect(widget.Page.Locator("#clinical-answers").GetByRole(AriaRole.Heading, new() { Name = "Ask the evidence" })).ToBeVisibleAsync();
        await Expect(widget.Section("From the Guidelines")).ToBeVisibleAsync();
        await Expect(widget.Disclaimer).ToBeVisibleAsync();
        Assert.Equal(($"http://127.0.0.1:{api.Port}/v1/answers/stream", $"http://localhost:{api.Port}", EmbedHostPage.ApiKey),
            (request.Url, new Uri(widget.Page.Url).GetLeftPart(UriPartial.Authority), await request.HeaderValueAsync("x-api-key")));
        await Screenshots.SaveAsync(widget.Page, "embed");
    }

    [Fact]
    public async Task The_embedded_widget_brings_its_own_stylesheet()
    {
        var api = _app.StartOnLoopback();
        await using var widget = await WidgetPage.OpenAsync(chromium, EmbedHostPage.AddressFor(api));

        await Expect(widget.Page.Locator($"link[rel=stylesheet][href='http://127.0.0.1:{api.Port}/widget/ragapi-widget.css']")).ToHaveCountAsync(1);
        await Expect(widget.Page.Locator(".ragapi")).ToHaveCSSAsync("border-top-style", "solid");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
