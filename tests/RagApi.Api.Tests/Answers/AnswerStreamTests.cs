using System.Net;
using RagApi.Api.Tests.Generation;
using RagApi.Testing;

namespace RagApi.Api.Tests.Answers;

/// <summary>POST /v1/answers/stream read over a real loopback socket.</summary>
public sealed class AnswerStreamTests(SeedIndex index) : IAsyncDisposable
{
    private const string Question = "How is Lambert-Eaton myasthenic syndrome treated?";
    private readonly RagApiApplication _app = new(index);

    [Fact]
    public async Task The_stream_sends_meta_then_citations_then_deltas_then_done()
    {
        var (_, events) = await ServerSentEvents.PostAsync(_app.StartOnLoopback(), new { question = Question });

        var order = events.Select(e => e.Event).Distinct().ToList();
        Assert.Equal(["meta", "citations", "delta", "done"], order);
    }

    [Fact]
    public async Task The_deltas_add_up_to_the_answer_of_the_done_event()
    {
        var (_, events) = await ServerSentEvents.PostAsync(_app.StartOnLoopback(), new { question = Question });

        var streamed = string.Concat(events.Where(e => e.Event == "delta").Select(e => e.Read<Delta>().Text));
        Assert.Equal(events.Single(e => e.Event == "done").Read<ApiAnswer>().Answer, streamed);
    }

    [Fact]
    public async Task The_streamed_answer_keeps_the_contract_and_ends_with_the_disclaimer()
    {
        var (_, events) = await ServerSentEvents.PostAsync(_app.StartOnLoopback(), new { question = Question });

        AnswerContract.AssertHolds(events.Single(e => e.Event == "done").Read<ApiAnswer>());
    }

    [Fact]
    public async Task The_stream_is_served_as_text_event_stream()
    {
        var (response, _) = await ServerSentEvents.PostAsync(_app.StartOnLoopback(), new { question = Question });

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_bad_stream_request_is_a_problem_not_a_stream()
    {
        var (response, _) = await ServerSentEvents.PostAsync(_app.StartOnLoopback(), new { question = "" });

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task A_generated_answer_streams_with_the_models_generator_name()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Then(r => ScriptedReply.Chat($"- 3,4-diaminopyridine improves muscle strength in LEMS [{r.PassageNumberContaining("3,4-diaminopyridine")}]."));
        await using var app = new RagApiApplication(index, settings: ModelSettingsFor.OpenAI(model));

        var (_, events) = await ServerSentEvents.PostAsync(app.StartOnLoopback(), new { question = Question });

        Assert.Equal("openai", events.Single(e => e.Event == "meta").Read<Meta>().Generator);
    }

    private sealed record Delta(string Text);

    private sealed record Meta(string Id, string Question, string StandaloneQuestion, string Generator, bool InsufficientEvidence);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
