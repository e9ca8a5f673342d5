using Microsoft.Playwright;
using RagApi.Browser.Tests.Infrastructure;
using RagApi.Testing;
using static Microsoft.Playwright.Assertions;

namespace RagApi.Browser.Tests.Widget;

/// <summary>Dark mode from the system setting, and a phone-width screen without sideways scrolling.</summary>
public sealed class AppearanceTests(SeedIndex index, Chromium chromium) : IAsyncDisposable
{
    private const string Question = "How is Lambert-Eaton myasthenic syndrome treated?";
    private readonly RagApiApplication _app = new(index);

    [Fact]
    public async Task A_dark_system_setting_gives_a_dark_widget()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback(),
            new BrowserNewContextOptions { ColorScheme = ColorScheme.Dark });

        await widget.AskAsync(Question);
        await widget.CitationMarkers.First.ClickAsync();
        await Screenshots.SaveAsync(widget.Page, "dark-citation-open", fullPage: false);
        await widget.Page.Keyboard.PressAsync("Escape");
        await Screenshots.SaveAsync(widget.Page, "dark-answer");

        await Expect(widget.Page.Locator(".ragapi")).ToHaveCSSAsync("background-color", "rgb(21, 26, 33)");
    }

    [Fact]
    public async Task On_a_phone_width_screen_nothing_scrolls_sideways()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback(),
            new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true });

        await widget.AskAsync(Question);
        await Screenshots.SaveAsync(widget.Page, "phone-answer");
        await widget.CitationMarkers.First.ClickAsync();
        await Screenshots.SaveAsync(widget.Page, "phone-citation-open", fullPage: false);

        var overflow = await widget.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.Equal(0, overflow);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
