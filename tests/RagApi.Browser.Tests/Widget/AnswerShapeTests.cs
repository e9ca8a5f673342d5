using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RagApi.Browser.Tests.Infrastructure;
using RagApi.Testing;
using static Microsoft.Playwright.Assertions;

namespace RagApi.Browser.Tests.Widget;

/// <summary>
/// The widget follows the answer's shape: the lead first, then each section with its statements grouped under their
/// sub-headings. The answer is a real one from the seed corpus, given a lead and headings as a composer may set them.
/// </summary>
public sealed class AnswerShapeTests(SeedIndex index, Chromium chromium) : IAsyncDisposable
{
    private const string Question = "How is Lambert-Eaton myasthenic syndrome treated?";
    private const string StreamRoute = "**/v1/answers/stream";
    private readonly RagApiApplication _app = new(index);

    /// <summary>The real answer (its first statement moved to the lead if it has none) with every research statement given one of two headings.</summary>
    private async Task<JsonObject> ShapedAnswerAsync()
    {
        using var response = await _app.PostAsync("/v1/answers", new { question = Question });
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
        var sections = answer["sections"]!.AsArray();
        if (answer["lead"] is null)
        {
            var first = sections[0]!["statements"]!.AsArray();
            answer["lead"] = first[0]!.DeepClone();
            first.RemoveAt(0);
            if (first.Count == 0) sections.RemoveAt(0);
        }
        var research = sections.Last()!["statements"]!.AsArray();
        for (var i = 0; i < research.Count; i++) research[i]!["heading"] = i == 0 ? "Clinical features" : "Tumour association";
        return answer;
    }

    private async Task<(WidgetPage Widget, JsonObject Answer)> AskShapedAsync(Action<JsonObject>? reshape = null)
    {
        var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback());
        var answer = await ShapedAnswerAsync();
        reshape?.Invoke(answer);
        var citations = new JsonObject { ["citations"] = answer["citations"]!.DeepClone() };
        await widget.Page.RouteAsync(StreamRoute, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/event-stream",
            Body = $"event: citations\ndata: {citations.ToJsonString()}\n\nevent: done\ndata: {answer.ToJsonString()}\n\n",
        }));
        await widget.AskAsync(Question);
        return (widget, answer);
    }

    [Fact]
    public async Task The_lead_is_shown_first_with_its_citation_before_the_guideline_section()
    {
        var (widget, answer) = await AskShapedAsync();
        await using var _ = widget;

        var lead = widget.LastAnswer.Locator(".ragapi-lead");
        await Expect(lead).ToHaveTextAsync($"{answer["lead"]!["text"]} [1]");
        Assert.True(await widget.LastAnswer.EvaluateAsync<bool>(
            "a => a.querySelector('.ragapi-lead').compareDocumentPosition(a.querySelector('h3')) === Node.DOCUMENT_POSITION_FOLLOWING"));
    }

    [Fact]
    public async Task Statements_are_grouped_under_their_sub_headings_in_order()
    {
        var (widget, answer) = await AskShapedAsync();
        await using var _ = widget;
        var research = answer["sections"]!.AsArray().Last()!["statements"]!.AsArray();

        await Screenshots.SaveAsync(widget.Page, "lead-and-headings");
        var subheadings = await widget.LastAnswer.Locator("h4.ragapi-subheading").AllTextContentsAsync();
        var groups = await widget.LastAnswer.Locator("h4.ragapi-subheading + ul.ragapi-statements").EvaluateAllAsync<int[]>("lists => lists.map(l => l.children.length)");

        var expected = research.Count > 1 ? $"Clinical features|Tumour association 1,{research.Count - 1}" : "Clinical features 1";
        Assert.Equal(expected, $"{string.Join("|", subheadings)} {string.Join(",", groups)}");
    }

    [Fact]
    public async Task An_answer_without_lead_or_headings_shows_no_lead_and_no_sub_heading()
    {
        var (widget, _) = await AskShapedAsync(answer =>
        {
            answer["lead"] = null;
            foreach (var statement in answer["sections"]!.AsArray().SelectMany(s => s!["statements"]!.AsArray())) statement!["heading"] = null;
        });
        await using var __ = widget;

        Assert.Equal((0, 0), (await widget.LastAnswer.Locator(".ragapi-lead").CountAsync(), await widget.LastAnswer.Locator("h4.ragapi-subheading").CountAsync()));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
