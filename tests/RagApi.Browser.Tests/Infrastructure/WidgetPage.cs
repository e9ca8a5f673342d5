using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RagApi.Browser.Tests.Infrastructure;

/// <summary>The chat widget as a doctor sees it: the question box, the turns of the conversation, the citation panel.</summary>
internal sealed class WidgetPage(IPage page) : IAsyncDisposable
{
    public IPage Page => page;

    public ILocator QuestionBox => page.GetByRole(AriaRole.Textbox);

    public ILocator AskButton => page.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true });

    public ILocator NewConversationButton => page.GetByRole(AriaRole.Button, new() { Name = "New conversation" });

    public ILocator Turns => page.Locator(".ragapi-turn");

    public ILocator LastAnswer => Turns.Last.Locator(".ragapi-answer");

    public ILocator CitationPanel => page.GetByRole(AriaRole.Dialog);

    public static async Task<WidgetPage> OpenAsync(Chromium chromium, Uri address, BrowserNewContextOptions? options = null)
    {
        var page = await chromium.NewPageAsync(options);
        await page.GotoAsync(address.ToString());
        return new WidgetPage(page);
    }

    /// <summary>Types the question, sends it and waits until its answer, or its error, is complete.</summary>
    public async Task AskAsync(string question)
    {
        var before = await Turns.CountAsync();
        await QuestionBox.FillAsync(question);
        await AskButton.ClickAsync();
        await WaitForTurnAsync(before + 1);
    }

    public async Task WaitForTurnAsync(int count)
    {
        await Expect(Turns).ToHaveCountAsync(count);
        await Expect(LastAnswer).ToHaveAttributeAsync("aria-busy", "false");
    }

    public ILocator Section(string title) => LastAnswer.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true });

    public ILocator CitationMarkers => LastAnswer.Locator("button.ragapi-cite");

    public ILocator Disclaimer => LastAnswer.Locator(".ragapi-disclaimer");

    public ILocator Error => LastAnswer.GetByRole(AriaRole.Alert);

    public Task<IRequest> AskCapturingRequestAsync(string question) =>
        page.RunAndWaitForRequestAsync(() => AskAsync(question), request => request.Url.EndsWith("/v1/answers/stream", StringComparison.Ordinal));

    public Task<bool> ScriptInjectedAsync() => page.EvaluateAsync<bool>("() => window.__xss !== undefined");

    public ValueTask DisposeAsync() => page.Context.DisposeAsync();
}
