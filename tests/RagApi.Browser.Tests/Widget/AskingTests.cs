using Microsoft.Playwright;
using RagApi.Browser.Tests.Infrastructure;
using RagApi.Testing;
using static Microsoft.Playwright.Assertions;

namespace RagApi.Browser.Tests.Widget;

/// <summary>The demo page at / answering a question the seed corpus covers.</summary>
public sealed class AskingTests(SeedIndex index, Chromium chromium) : IAsyncDisposable
{
    private const string Question = "How is Lambert-Eaton myasthenic syndrome treated?";
    private readonly RagApiApplication _app = new(index);

    [Fact]
    public async Task A_question_is_answered_from_the_stream_guidelines_first_then_research_with_citations_and_the_disclaimer()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback());

        var request = await widget.AskCapturingRequestAsync(Question);

        var headings = await widget.LastAnswer.GetByRole(AriaRole.Heading, new() { Level = 3 }).AllTextContentsAsync();
        Assert.Equal(["From the Guidelines", "From the Research", "References"], headings);
        Assert.Equal("text/event-stream", (await request.ResponseAsync())!.Headers["content-type"].Split(';')[0]);
        await Expect(widget.CitationMarkers.First).ToBeVisibleAsync();
        await Expect(widget.Disclaimer).ToContainTextAsync(SeedIndex.Disclaimer);
        await Screenshots.SaveAsync(widget.Page, "answer");
    }

    [Fact]
    public async Task Every_citation_marker_resolves_to_a_numbered_reference()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback());
        var expected = await _app.AnswerAsync(new { question = Question });

        await widget.AskAsync(Question);

        var markers = (await widget.CitationMarkers.AllTextContentsAsync()).Distinct().Order().ToList();
        var references = await widget.LastAnswer.Locator(".ragapi-reference > span:first-child").AllTextContentsAsync();
        Assert.Equal(expected.Citations.Select(c => $"[{c.Number}]").Order().ToList(), markers);
        Assert.Equal(expected.Citations.Select(c => c.Citation), references);
    }

    [Fact]
    public async Task A_citation_opens_its_passage_with_the_quoted_sentence_highlighted()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback());
        var first = (await _app.AnswerAsync(new { question = Question })).Citations[0];
        await widget.AskAsync(Question);

        await widget.CitationMarkers.First.ClickAsync();

        await Expect(widget.CitationPanel).ToBeVisibleAsync();
        await Expect(widget.CitationPanel.GetByRole(AriaRole.Heading).First).ToHaveTextAsync($"[1] {first.Title}");
        await Expect(widget.CitationPanel.Locator("blockquote")).ToHaveTextAsync(first.Passage);
        await Expect(widget.CitationPanel.Locator("mark")).ToHaveTextAsync(first.Quote);
        await Expect(widget.CitationPanel).ToContainTextAsync($"{first.Source} · {first.Year}");
        await Expect(widget.CitationPanel.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", first.Url);
        await Screenshots.SaveAsync(widget.Page, "citation-open", fullPage: false);
    }

    [Fact]
    public async Task Copying_puts_the_answer_with_its_references_on_the_clipboard_as_plain_text()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback(),
            new BrowserNewContextOptions { Permissions = ["clipboard-read", "clipboard-write"] });
        var expected = await _app.AnswerAsync(new { question = Question });
        await widget.AskAsync(Question);

        await widget.LastAnswer.GetByRole(AriaRole.Button, new() { Name = "Copy answer with references" }).ClickAsync();
        await Expect(widget.LastAnswer.GetByRole(AriaRole.Status).Last).ToHaveTextAsync("Copied the answer and its references.");

        var copied = await widget.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(
            (true, true, true, true, false),
            (copied.StartsWith($"Question: {Question}\n\n{expected.Lead!.Text}", StringComparison.Ordinal) && copied.Contains("\nFrom the Guidelines\n- ", StringComparison.Ordinal),
             copied.Contains($"\nReferences\n1. {expected.Citations[0].Citation}", StringComparison.Ordinal),
             copied.Contains(expected.Citations[0].Url, StringComparison.Ordinal),
             copied.EndsWith(SeedIndex.Disclaimer, StringComparison.Ordinal),
             copied.Contains("##", StringComparison.Ordinal) || copied.Contains("**", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_demo_page_loads_nothing_from_another_origin_and_runs_under_a_strict_content_security_policy_without_a_violation()
    {
        var address = _app.StartOnLoopback();
        var page = await chromium.NewPageAsync();
        var errors = new List<string>();
        var requested = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.Request += (_, request) => requested.Add(request.Url);
        var widget = new WidgetPage(page);
        await using var _ = widget;

        var response = await page.GotoAsync(address.ToString());
        await widget.AskAsync(Question);

        var policy = await response!.HeaderValueAsync("content-security-policy");
        Assert.Equal((true, false, false), (policy!.Contains("script-src 'self'"), policy.Contains("unsafe-inline"), policy.Contains("unsafe-eval")));
        Assert.Empty(errors);
        Assert.All(requested, url => Assert.StartsWith(address.ToString(), url, StringComparison.Ordinal));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
