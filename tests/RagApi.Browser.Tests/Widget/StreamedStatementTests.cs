using Microsoft.Playwright;
using RagApi.Api.Tests.Generation;
using RagApi.Browser.Tests.Infrastructure;
using RagApi.Testing;
using static Microsoft.Playwright.Assertions;

namespace RagApi.Browser.Tests.Widget;

/// <summary>
/// With a chat model, the widget shows each verified statement as its "statement" event arrives, while the model
/// is still writing the rest; the stand-in writes at 8 tokens/s, a CPU-bound local model's pace.
/// </summary>
public sealed class StreamedStatementTests(SeedIndex index, Chromium chromium) : IAsyncLifetime
{
    private ScriptedModelServer _model = null!;
    private RagApiApplication _app = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await ScriptedModelServer.StartAsync(new ModelServerBehaviour { TokensPerSecond = 8 });
        _model.Then(r => ScriptedReply.Chat(
            $"- 3,4-diaminopyridine improves muscle strength in LEMS [{r.PassageNumberContaining("3,4-diaminopyridine")}].\n" +
            $"- IVIg improved strength in LEMS in a placebo-controlled trial of patients with the syndrome [{r.PassageNumberContaining("IVIg")}].\n"));
        _app = new RagApiApplication(index, settings: ModelSettingsFor.OpenAI(_model));
    }

    [Fact]
    public async Task The_first_statement_is_shown_with_its_citation_while_the_next_is_still_being_written()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback());
        await widget.QuestionBox.FillAsync("How is Lambert-Eaton myasthenic syndrome treated?");
        await widget.AskButton.ClickAsync();

        // One snapshot taken in the page, in the frame where the first statement appears, so a loaded machine
        // cannot let the stream move on between reading one property and the next.
        var snapshot = await widget.Page.WaitForFunctionAsync("""
            () => {
              const answers = document.querySelectorAll('.ragapi-answer');
              const box = answers[answers.length - 1];
              const line = box && [...box.querySelectorAll('.ragapi-draft-line')].find((l) => l.textContent.includes('3,4-diaminopyridine improves muscle strength'));
              if (!line) return null;
              return [box.getAttribute('aria-busy'), line.querySelectorAll('button.ragapi-cite').length, box.textContent.includes('IVIg improved strength')].join('|');
            }
            """, null, new() { Timeout = 60_000 });

        Assert.Equal("true|1|false", await snapshot.JsonValueAsync<string>());
    }

    [Fact]
    public async Task The_streamed_statements_give_way_to_the_whole_answer_with_its_references()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback());

        await widget.AskAsync("How is Lambert-Eaton myasthenic syndrome treated?");

        await Expect(widget.LastAnswer.GetByRole(AriaRole.Heading, new() { Name = "References", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(0, await widget.LastAnswer.Locator(".ragapi-draft-line").CountAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }
}
