using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;

namespace RagApi.Answers;

/// <summary>
/// The same answer as server-sent events. A generated answer first sends each statement as a <c>statement</c> event
/// the moment its citations are verified (nothing unverified is ever sent); then, as for every answer, <c>meta</c>,
/// <c>citations</c>, <c>delta</c> (the answer's markdown, line by line) and <c>done</c> with the full answer, which
/// is authoritative: it numbers the citations and may differ from the streamed statements when the model failed
/// midway (the extractive answer then replaces them).
/// </summary>
public static class AnswerStreamApi
{
    public static RouteGroupBuilder MapAnswerStream(this RouteGroupBuilder group)
    {
        group.MapPost("/stream", StreamAsync)
            .WithName("AnswerStream")
            .WithSummary("The answer as server-sent events: statement (generated answers, each once verified), meta, citations, delta, done.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem();
        return group;
    }

    public static Task<Results<ServerSentEventsResult<object>, ValidationProblem>> StreamAsync(
        AnswerRequest request, AnswerHandler handler, CancellationToken cancellationToken) =>
        handler.HandleStreamAsync(request, items => TypedResults.ServerSentEvents(Events(items, cancellationToken)), cancellationToken);

    public static async IAsyncEnumerable<SseItem<object>> Events(IAsyncEnumerable<object> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            if (item is VerifiedStatement verified) yield return new SseItem<object>(StreamedStatement.Of(verified.Statement), "statement");
            else if (item is ClinicalAnswer answer)
                await foreach (var final in Events(answer)) yield return final;
        }
    }

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

/// <summary>A verified statement and the passages it cites; the <c>done</c> event numbers the citations.</summary>
public sealed record StreamedStatement(string Text, string Section, IReadOnlyList<StreamedCitation> Citations)
{
    public static StreamedStatement Of(DraftStatement statement) => new(
        statement.Text,
        statement.Evidence[0].Passage.Chunk.Document.Kind == RagApi.Knowledge.Ingestion.Documents.DocumentKind.Guideline ? SectionTitles.Guidelines : SectionTitles.Research,
        statement.Evidence.Select(e => new StreamedCitation(e.Passage.Chunk.DocumentId, e.Passage.Chunk.ChunkId, e.Passage.Chunk.Document.Title,
            e.Passage.Chunk.Document.Source, e.Passage.Chunk.Document.Year, e.Passage.Chunk.Document.Url, e.QuoteText)).ToList());
}

public sealed record StreamedCitation(string DocumentId, string ChunkId, string Title, string Source, int? Year, string Url, string Quote);
