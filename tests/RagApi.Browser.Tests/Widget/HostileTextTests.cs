using Microsoft.Playwright;
using RagApi.Browser.Tests.Infrastructure;
using RagApi.Testing;
using static Microsoft.Playwright.Assertions;

namespace RagApi.Browser.Tests.Widget;

/// <summary>
/// Markup in a question or in an indexed passage is shown as text and never runs. Tested on the embedding page,
/// which has no Content-Security-Policy, so the widget's own rendering is what is under test.
/// </summary>
public sealed class HostileTextTests(SeedIndex index, Chromium chromium)
{
    private static readonly string HostileQuestion = $"{HostileCorpus.ImagePayload} {HostileCorpus.ScriptPayload} {HostileCorpus.Question}";

    private async Task<(RagApiApplication App, WidgetPage Widget)> OpenAsync()
    {
        var app = new RagApiApplication(index, storePath: await HostileCorpus.IndexAsync(index), services: EmbedHostPage.AddTo);
        var widget = await WidgetPage.OpenAsync(chromium, EmbedHostPage.AddressFor(app.StartOnLoopback()));
        return (app, widget);
    }

    [Fact]
    public async Task Markup_in_the_question_and_in_the_passage_is_shown_as_text_and_never_runs()
    {
        var (app, widget) = await OpenAsync();
        await using var _ = app;
        await using var __ = widget;

        await widget.AskAsync(HostileQuestion);
        await widget.CitationMarkers.First.ClickAsync();

        await Expect(widget.Turns.Last.Locator(".ragapi-question > p").First).ToHaveTextAsync(HostileQuestion);
        await Expect(widget.LastAnswer.Locator(".ragapi-lead")).ToContainTextAsync(HostileCorpus.ImagePayload);
        await Expect(widget.CitationPanel.Locator("blockquote")).ToContainTextAsync(HostileCorpus.ScriptPayload);
        await Expect(widget.CitationPanel.GetByRole(AriaRole.Heading).First).ToContainTextAsync(HostileCorpus.ImagePayload);
        await Screenshots.SaveAsync(widget.Page, "hostile-text", fullPage: false);
        var elementsFromData = await widget.Page.Locator(".ragapi img, .ragapi script, .ragapi b").CountAsync();
        Assert.Equal((false, 0), (await widget.ScriptInjectedAsync(), elementsFromData));
    }

    [Fact]
    public async Task A_javascript_link_from_the_store_is_not_made_a_link()
    {
        var (app, widget) = await OpenAsync();
        await using var _ = app;
        await using var __ = widget;

        await widget.AskAsync(HostileCorpus.Question);
        await widget.CitationMarkers.First.ClickAsync();

        await Expect(widget.CitationPanel).ToContainTextAsync("Probe A. Amifampridine dosing");
        await Expect(widget.CitationPanel).Not.ToContainTextAsync("null");
        var links = await widget.Page.Locator(".ragapi a").CountAsync();
        Assert.Equal(0, links);
    }
}
