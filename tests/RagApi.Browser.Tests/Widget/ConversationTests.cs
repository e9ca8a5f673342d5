using System.Text.Json;
using Microsoft.Playwright;
using RagApi.Browser.Tests.Infrastructure;
using RagApi.Testing;
using static Microsoft.Playwright.Assertions;

namespace RagApi.Browser.Tests.Widget;

/// <summary>Follow-ups in context, suggested follow-ups, and a conversation that lives in the tab only.</summary>
public sealed class ConversationTests(SeedIndex index, Chromium chromium) : IAsyncDisposable
{
    private const string FirstQuestion = "What antibodies cause Lambert-Eaton myasthenic syndrome?";
    private const string FollowUp = "And how is it treated?";
    private readonly RagApiApplication _app = new(index);

    [Fact]
    public async Task A_follow_up_sends_the_conversation_and_is_answered_about_its_topic()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback());
        await widget.AskAsync(FirstQuestion);

        var request = await widget.AskCapturingRequestAsync(FollowUp);

        var history = request.PostDataJSON()!.Value.GetProperty("history").EnumerateArray()
            .Select(turn => (turn.GetProperty("role").GetString(), turn.GetProperty("content").GetString()!))
            .ToList();
        Assert.Equal(("user,assistant", FirstQuestion, true),
            (string.Join(',', history.Select(t => t.Item1)), history[0].Item2, history[1].Item2.Contains("[1]", StringComparison.Ordinal)));
        await Expect(widget.Turns.Last.Locator(".ragapi-standalone")).ToContainTextAsync("Lambert-Eaton");
        await Expect(widget.CitationMarkers.First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(widget.Page, "follow-up");
    }

    [Fact]
    public async Task A_suggested_follow_up_is_asked_with_one_click()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback());
        await widget.AskAsync(FirstQuestion);
        var suggestion = widget.LastAnswer.Locator(".ragapi-suggestion").First;
        var text = await suggestion.TextContentAsync();

        await suggestion.ClickAsync();
        await widget.WaitForTurnAsync(2);

        await Expect(widget.Turns.Last.Locator(".ragapi-question > p").First).ToHaveTextAsync(text!);
    }

    [Fact]
    public async Task Reloading_the_page_keeps_the_conversation_and_its_citations()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback());
        await widget.AskAsync(FirstQuestion);

        await widget.Page.ReloadAsync();

        await Expect(widget.Turns).ToHaveCountAsync(1);
        await Expect(widget.Turns.First.Locator(".ragapi-question > p").First).ToHaveTextAsync(FirstQuestion);
        await widget.CitationMarkers.First.ClickAsync();
        await Expect(widget.CitationPanel.Locator("mark")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task New_conversation_clears_the_conversation_and_a_reload_does_not_bring_it_back()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback());
        await widget.AskAsync(FirstQuestion);

        await widget.NewConversationButton.ClickAsync();
        await Expect(widget.Turns).ToHaveCountAsync(0);
        await widget.Page.ReloadAsync();

        await Expect(widget.Page.GetByRole(AriaRole.Textbox, new() { Name = "Ask a clinical question" })).ToBeVisibleAsync();
        await Expect(widget.Turns).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_conversation_is_kept_in_the_tabs_session_storage_only()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback());
        await widget.AskAsync(FirstQuestion);

        var (session, local, cookies) = (
            await widget.Page.EvaluateAsync<string>("() => JSON.stringify(Object.values(sessionStorage))"),
            await widget.Page.EvaluateAsync<int>("() => localStorage.length"),
            await widget.Page.Context.CookiesAsync());

        Assert.Equal((true, 0, 0), (JsonDocument.Parse(session).RootElement[0].GetString()!.Contains(FirstQuestion), local, cookies.Count));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
