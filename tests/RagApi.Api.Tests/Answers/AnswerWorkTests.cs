using RagApi.Testing;

namespace RagApi.Api.Tests.Answers;

/// <summary>
/// How much work one request does on the embedded store with the extractive composer: the question is embedded
/// once, the store searched once and the sentence vectors read once; nothing is done twice.
/// </summary>
public sealed class AnswerWorkTests : IAsyncDisposable
{
    private readonly CountingKnowledge _counts;
    private readonly RagApiApplication _app;

    public AnswerWorkTests(SeedIndex index)
    {
        _counts = new CountingKnowledge(index.StorePath, index.Embedder);
        _app = new RagApiApplication(index, services: _counts.RegisterIn);
    }

    [Fact]
    public async Task One_answer_embeds_the_question_once_searches_once_and_reads_sentence_vectors_once()
    {
        await _counts.ResetOnceReadyAsync(_app);

        await _app.AnswerAsync(new { question = "What is the recommended symptomatic treatment for Lambert-Eaton myasthenic syndrome?" });

        Assert.Equal(CountingKnowledge.Expected(("EmbedAsync", 1), ("EmbeddedTexts", 1), ("GetSentenceVectorsAsync", 1), ("SearchAsync", 1)), _counts.Calls);
    }

    [Fact]
    public async Task A_follow_up_is_condensed_without_embedding_and_then_embedded_once()
    {
        await _counts.ResetOnceReadyAsync(_app);

        await _app.AnswerAsync(new
        {
            question = "And how is it treated?",
            history = new[]
            {
                new { role = "user", content = "What causes Lambert-Eaton myasthenic syndrome?" },
                new { role = "assistant", content = "Antibodies against voltage-gated calcium channels." },
            },
        });

        Assert.Equal(CountingKnowledge.Expected(("EmbedAsync", 1), ("EmbeddedTexts", 1), ("GetSentenceVectorsAsync", 1), ("SearchAsync", 1)), _counts.Calls);
    }

    [Fact]
    public async Task One_search_embeds_the_query_once_and_searches_once()
    {
        await _counts.ResetOnceReadyAsync(_app);

        await _app.SearchAsync(new { query = "Lambert-Eaton myasthenic syndrome treatment" });

        Assert.Equal(CountingKnowledge.Expected(("EmbedAsync", 1), ("EmbeddedTexts", 1), ("SearchAsync", 1)), _counts.Calls);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
