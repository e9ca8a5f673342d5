using Microsoft.Playwright;
using RagApi.Browser.Tests.Infrastructure;
using RagApi.Testing;
using static Microsoft.Playwright.Assertions;

namespace RagApi.Browser.Tests.Widget;

/// <summary>Keyboard-only use and what a screen reader is told.</summary>
public sealed class AccessibilityTests(SeedIndex index, Chromium chromium) : IAsyncDisposable
{
    private const string Question = "How is Lambert-Eaton myasthenic syndrome treated?";
    private readonly RagApiApplication _app = new(index);

    [Fact]
    public async Task A_question_can_be_asked_and_a_citation_opened_and_closed_with_the_keyboard_alone()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback());
        var keyboard = widget.Page.Keyboard;

        await keyboard.PressAsync("Tab");
        await Expect(widget.QuestionBox).ToBeFocusedAsync();
        await keyboard.TypeAsync(Question);
        await keyboard.PressAsync("Enter");
        await widget.WaitForTurnAsync(1);
        await Expect(widget.QuestionBox).ToBeFocusedAsync();
        await Expect(widget.CitationMarkers.First).ToBeVisibleAsync();

        for (var presses = 0; presses < 60 && !await FocusedIsCitationMarkerAsync(widget.Page); presses++)
            await keyboard.PressAsync("Shift+Tab");
        var marker = widget.Page.Locator("button.ragapi-cite:focus");
        await keyboard.PressAsync("Enter");
        await Expect(widget.CitationPanel).ToBeVisibleAsync();
        await Expect(widget.CitationPanel.GetByRole(AriaRole.Button, new() { Name = "Close the passage" })).ToBeFocusedAsync();
        await keyboard.PressAsync("Escape");

        await Expect(widget.CitationPanel).ToBeHiddenAsync();
        await Expect(marker).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Controls_are_labelled_the_answer_is_a_live_region_and_the_citation_panel_is_a_named_dialog()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback());

        await Expect(widget.Page.GetByRole(AriaRole.Textbox, new() { Name = "Ask a clinical question" })).ToBeVisibleAsync();
        await widget.AskAsync(Question);
        await widget.CitationMarkers.First.ClickAsync();

        await Expect(widget.Page.GetByRole(AriaRole.Textbox, new() { Name = "Ask a follow-up question" })).ToBeAttachedAsync();
        await Expect(widget.LastAnswer).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(widget.Page.GetByRole(AriaRole.Dialog, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^\[1\] ") })).ToBeVisibleAsync();
        await Expect(widget.Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Citation 1: ") }).First).ToBeAttachedAsync();
    }

    private static Task<bool> FocusedIsCitationMarkerAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.activeElement?.classList.contains('ragapi-cite') ?? false");

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
