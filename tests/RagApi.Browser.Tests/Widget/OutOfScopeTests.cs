using Microsoft.Playwright;
using RagApi.Browser.Tests.Infrastructure;
using RagApi.Testing;
using static Microsoft.Playwright.Assertions;

namespace RagApi.Browser.Tests.Widget;

public sealed class OutOfScopeTests(SeedIndex index, Chromium chromium) : IAsyncDisposable
{
    private readonly RagApiApplication _app = new(index);

    [Fact]
    public async Task A_question_the_sources_do_not_cover_is_shown_as_no_evidence_not_as_an_error()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback());

        await widget.AskAsync("How do I bake a chocolate cake?");

        await Expect(widget.Section("No relevant evidence found")).ToBeVisibleAsync();
        await Expect(widget.LastAnswer).ToContainTextAsync("do not contain evidence relevant enough");
        await Expect(widget.Disclaimer).ToBeVisibleAsync();
        Assert.Equal((0, 0), (await widget.Error.CountAsync(), await widget.CitationMarkers.CountAsync()));
        await Screenshots.SaveAsync(widget.Page, "no-evidence");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
