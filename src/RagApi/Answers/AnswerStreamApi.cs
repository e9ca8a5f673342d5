using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;

namespace RagApi.Answers;

/// <summary>
/// The same answer as server-sent events: <c>meta</c>, <c>citations</c>, <c>delta</c> (the answer's markdown, line by
/// line) and <c>done</c> with the full answer. Events start once the answer is verified, because no statement may
/// leave the server before its citations are checked.
/// </summary>
public static class AnswerStreamApi
{
    public static RouteGroupBuilder MapAnswerStream(this RouteGroupBuilder group)
    {
        group.MapPost("/stream", StreamAsync)
            .WithName("AnswerStream")
            .WithSummary("The answer as server-sent events: meta, citations, delta, done.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem();
        return group;
    }

    public static Task<Results<ServerSentEventsResult<object>, ValidationProblem>> StreamAsync(
        AnswerRequest request, AnswerHandler handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, answer => TypedResults.ServerSentEvents(Events(answer)), cancellationToken);

    public static async IAsyncEnumerable<SseItem<object>> Events(ClinicalAnswer answer)
    {
        yield return new SseItem<object>(new AnswerMeta(answer.Id, answer.Question, answer.StandaloneQuestion, answer.Generator, answer.InsufficientEvidence), "meta");
        yield return new SseItem<object>(new AnswerCitations(answer.Citations), "citations");
        var lines = answer.Answer.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            yield return new SseItem<object>(new AnswerDelta(i < lines.Length - 1 ? lines[i] + "\n" : lines[i]), "delta");
        yield return new SseItem<object>(answer, "done");
        await Task.CompletedTask;
    }
}

public sealed record AnswerMeta(string Id, string Question, string StandaloneQuestion, string Generator, bool InsufficientEvidence);

public sealed record AnswerCitations(IReadOnlyList<AnswerCitation> Citations);

public sealed record AnswerDelta(string Text);
