using RagApi.Testing;

namespace RagApi.Api.Tests.Generation;

/// <summary>With a model, a follow-up is first rewritten by the model from the history.</summary>
public sealed class ModelFollowUpTests(SeedIndex index) : IAsyncLifetime
{
    private const string Rewritten = "How is Lambert-Eaton myasthenic syndrome treated?";
    private ScriptedModelServer _model = null!;
    private RagApiApplication _app = null!;

    private static readonly object FollowUp = new
    {
        question = "And how is it treated?",
        history = new[]
        {
            new { role = "user", content = "What antibodies cause Lambert-Eaton myasthenic syndrome?" },
            new { role = "assistant", content = "Antibodies against P/Q-type voltage-gated calcium channels [1]." },
        },
    };

    public async ValueTask InitializeAsync()
    {
        _model = await ScriptedModelServer.StartAsync();
        _model.Then(ScriptedReply.Chat(Rewritten));
        _model.Then(r => ScriptedReply.Chat($"- 3,4-diaminopyridine improves muscle strength in LEMS [{r.PassageNumberContaining("3,4-diaminopyridine")}]."));
        _app = new RagApiApplication(index, settings: ModelSettingsFor.OpenAI(_model));
    }

    [Fact]
    public async Task The_standalone_question_is_the_models_rewrite()
    {
        var answer = await _app.AnswerAsync(FollowUp);

        Assert.Equal(Rewritten, answer.StandaloneQuestion);
    }

    [Fact]
    public async Task The_rewriting_request_carries_the_history_and_the_follow_up()
    {
        await _app.AnswerAsync(FollowUp);

        var prompt = _model.Requests[0].Prompt;
        Assert.True(prompt.Contains("Clinician: What antibodies cause Lambert-Eaton myasthenic syndrome?")
            && prompt.Contains("Assistant: Antibodies against P/Q-type")
            && prompt.TrimEnd().EndsWith("And how is it treated?"), prompt);
    }

    [Fact]
    public async Task The_answer_is_asked_for_the_standalone_question()
    {
        await _app.AnswerAsync(FollowUp);

        Assert.EndsWith(Rewritten, _model.Requests[1].Prompt.TrimEnd());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }
}
