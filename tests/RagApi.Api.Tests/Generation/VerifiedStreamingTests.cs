using RagApi.Api.Tests.Answers;
using RagApi.Testing;

namespace RagApi.Api.Tests.Generation;

/// <summary>
/// Verified streaming: the model streams (chat.completion.chunk events), each statement is verified as soon as its
/// line is complete and sent then as a "statement" event with its verified citations, before the whole answer;
/// nothing unverified is ever sent.
/// </summary>
public sealed class VerifiedStreamingTests(SeedIndex index) : IAsyncLifetime
{
    private const string Question = "How is Lambert-Eaton myasthenic syndrome treated?";
    private ScriptedModelServer _model = null!;
    private RagApiApplication _app = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await ScriptedModelServer.StartAsync(new ModelServerBehaviour { TokensPerSecond = 400 });
        _app = new RagApiApplication(index, settings: ModelSettingsFor.OpenAI(_model));
    }

    private static ScriptedReply ThreeStatements(RecordedRequest r, string finishReason = "stop") => ScriptedReply.Chat(
        $"- 3,4-diaminopyridine improves muscle strength in LEMS [{r.PassageNumberContaining("3,4-diaminopyridine")}].\n" +
        "- The moon is made of cheese [1].\n" +
        $"- IVIg improved strength in LEMS in a placebo-controlled trial [{r.PassageNumberContaining("IVIg")}].\n",
        finishReason, reasoningContent: "The moon reasoning is not an answer.");

    private async Task<IReadOnlyList<ServerSentEvent>> StreamAsync() =>
        (await ServerSentEvents.PostAsync(_app.StartOnLoopback(), new { question = Question })).Events;

    [Fact]
    public async Task Verified_statements_are_sent_before_the_whole_answer()
    {
        _model.Then(r => ThreeStatements(r));

        var events = await StreamAsync();

        Assert.Equal(["statement", "meta", "citations", "delta", "done"], events.Select(e => e.Event).Distinct());
    }

    [Fact]
    public async Task The_model_is_asked_to_stream()
    {
        _model.Then(r => ThreeStatements(r));

        await StreamAsync();

        Assert.True(_model.Requests.Single().Streams);
    }

    [Fact]
    public async Task A_statement_no_passage_supports_is_never_sent()
    {
        _model.Then(r => ThreeStatements(r));

        var statements = (await StreamAsync()).Where(e => e.Event == "statement").Select(e => e.Read<Streamed>().Text).ToList();

        Assert.Equal((2, false), (statements.Count, statements.Any(s => s.Contains("cheese") || s.Contains("moon"))));
    }

    [Fact]
    public async Task Every_streamed_citation_quote_is_a_citation_of_the_whole_answer()
    {
        _model.Then(r => ThreeStatements(r));

        var events = await StreamAsync();

        var done = events.Single(e => e.Event == "done").Read<ApiAnswer>();
        var quotes = events.Where(e => e.Event == "statement").SelectMany(e => e.Read<Streamed>().Citations).Select(c => c.Quote).ToList();
        Assert.True(quotes.Count > 0 && quotes.All(q => done.Citations.Any(c => c.Quote == q)), string.Join(" | ", quotes));
    }

    [Fact]
    public async Task A_stream_the_filter_stops_ends_with_the_extractive_answer()
    {
        _model.Then(r => ThreeStatements(r, finishReason: "content_filter"));

        var events = await StreamAsync();

        Assert.Equal("extractive-fallback", events.Single(e => e.Event == "done").Read<ApiAnswer>().Generator);
    }

    private sealed record Streamed(string Text, string Section, IReadOnlyList<StreamedQuote> Citations);

    private sealed record StreamedQuote(string DocumentId, string Quote);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }
}
