using RagApi.Api.Tests.Answers;
using RagApi.Testing;

namespace RagApi.Api.Tests.Generation;

/// <summary>
/// How much work one answer does with a chat model (a scripted one): beside the question's embedding and the one
/// search, the passages' sentence vectors are read once (the extractive draft and the citation verifier share them)
/// and the reply's statements and follow-up questions are embedded in one call.
/// </summary>
public sealed class GeneratedAnswerWorkTests(SeedIndex index) : IAsyncLifetime
{
    private const string Question = "How is Lambert-Eaton myasthenic syndrome treated?";
    private CountingKnowledge _counts = null!;
    private ScriptedModelServer _model = null!;
    private RagApiApplication _app = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await ScriptedModelServer.StartAsync();
        _counts = new CountingKnowledge(index.StorePath, index.Embedder);
        _app = new RagApiApplication(index, settings: ModelSettingsFor.OpenAI(_model), services: _counts.RegisterIn);
    }

    /// <summary>Two statements on their own lines and one follow-up question, citing the passages the prompt numbered.</summary>
    private static ScriptedReply TwoStatementsAndAFollowUp(RecordedRequest r) => ScriptedReply.Chat(
        $"- 3,4-diaminopyridine improves muscle strength in LEMS [{r.PassageNumberContaining("3,4-diaminopyridine")}].\n" +
        $"- IVIg improved strength in LEMS in a placebo-controlled trial [{r.PassageNumberContaining("IVIg")}].\n" +
        "FOLLOW-UP: What dose of 3,4-diaminopyridine is used?");

    [Fact]
    public async Task One_generated_answer_reads_sentence_vectors_once_and_embeds_its_statements_and_follow_ups_in_one_call()
    {
        _model.Then(TwoStatementsAndAFollowUp);
        await _counts.ResetOnceReadyAsync(_app);

        var answer = await _app.AnswerAsync(new { question = Question });

        Assert.Equal("openai", answer.Generator);
        Assert.Equal(CountingKnowledge.Expected(("EmbedAsync", 2), ("EmbeddedTexts", 4), ("GetSentenceVectorsAsync", 1), ("SearchAsync", 1)), _counts.Calls);
    }

    [Fact]
    public async Task One_streamed_generated_answer_reads_sentence_vectors_once_and_embeds_each_line_as_it_completes()
    {
        _model.Then(TwoStatementsAndAFollowUp);
        var address = _app.StartOnLoopback();
        await _counts.ResetOnceReadyAsync(_app);

        var events = (await ServerSentEvents.PostAsync(address, new { question = Question })).Events;

        Assert.Equal(2, events.Count(e => e.Event == "statement"));
        // The question, then each statement line as soon as it is complete, then the follow-ups at the end.
        Assert.Equal(CountingKnowledge.Expected(("EmbedAsync", 4), ("EmbeddedTexts", 4), ("GetSentenceVectorsAsync", 1), ("SearchAsync", 1)), _counts.Calls);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }
}
