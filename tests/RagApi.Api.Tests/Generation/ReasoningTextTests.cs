using RagApi.Testing;

namespace RagApi.Api.Tests.Generation;

/// <summary>
/// Servers without a reasoning parser (llama.cpp's default --reasoning-format none, vLLM without --reasoning-parser)
/// leave &lt;think&gt;...&lt;/think&gt; in the content; vLLM with a parser and DeepSeek put it in reasoning_content.
/// Neither is answer text.
/// </summary>
public sealed class ReasoningTextTests(SeedIndex index) : IAsyncLifetime
{
    private const string Question = "How is Lambert-Eaton myasthenic syndrome treated?";
    private const string Thinking = "The clinician asks about LEMS. 3,4-diaminopyridine improves muscle strength in LEMS, so I will cite it";
    private ScriptedModelServer _model = null!;
    private RagApiApplication _app = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await ScriptedModelServer.StartAsync();
        _app = new RagApiApplication(index, settings: ModelSettingsFor.OpenAI(_model));
    }

    private static string Statement(RecordedRequest r) =>
        $"- 3,4-diaminopyridine improves muscle strength in LEMS [{r.PassageNumberContaining("3,4-diaminopyridine")}].";

    [Fact]
    public async Task A_think_block_in_the_content_is_not_a_statement()
    {
        _model.Then(r => ScriptedReply.Chat($"<think>\n{Thinking} [{r.PassageNumberContaining("3,4-diaminopyridine")}].\n</think>\n\n{Statement(r)}"));

        var answer = await _app.AnswerAsync(new { question = Question });

        Assert.Equal(("openai", 1, false), (answer.Generator, answer.Sections.Sum(s => s.Statements.Count), answer.Answer.Contains("clinician asks")));
    }

    [Fact]
    public async Task Reasoning_content_beside_the_content_is_not_part_of_the_answer()
    {
        _model.Then(r => ScriptedReply.Chat(Statement(r), reasoningContent: Thinking + "."));

        var answer = await _app.AnswerAsync(new { question = Question });

        Assert.Equal(("openai", false), (answer.Generator, answer.Answer.Contains("clinician asks")));
    }

    [Fact]
    public async Task A_think_block_before_the_rewritten_question_is_not_the_standalone_question()
    {
        _model.Then(ScriptedReply.Chat("<think>\nThe pronoun refers to LEMS.\n</think>\nHow is Lambert-Eaton myasthenic syndrome treated?"));
        _model.Then(r => ScriptedReply.Chat(Statement(r)));

        var answer = await _app.AnswerAsync(new
        {
            question = "And how is it treated?",
            history = new[] { new { role = "user", content = "What antibodies cause Lambert-Eaton myasthenic syndrome?" } },
        });

        Assert.Equal(Question, answer.StandaloneQuestion);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }
}
