using Microsoft.AspNetCore.Http.HttpResults;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Storage;

namespace RagApi.Answers;

/// <summary>
/// What both answer endpoints do, in one place: validate the request, answer it, write the answer log line; each
/// endpoint only chooses how the answer leaves (one JSON body or server-sent events).
/// </summary>
public sealed class AnswerHandler(AnswerService answers, IKnowledgeStore store, AnswerOptions options, AnswerLog log, TimeProvider time)
{
    public const string InvalidTitle = "The question cannot be answered as sent.";

    public async Task<Results<TResponse, ValidationProblem>> HandleAsync<TResponse>(
        AnswerRequest request, Func<ClinicalAnswer, TResponse> respond, CancellationToken cancellationToken)
        where TResponse : IResult
    {
        var started = time.GetTimestamp();
        var (query, errors) = await request.ValidateAsync(store, options, cancellationToken);
        if (query is null) return TypedResults.ValidationProblem(errors.ToDictionary(), title: InvalidTitle);
        var answer = await answers.AnswerAsync(query, cancellationToken);
        log.Answered(answer, time.GetElapsedTime(started));
        return respond(answer);
    }

    /// <summary>
    /// The streaming form: verified statements as they come, then the whole answer (logged once it is complete).
    /// Retrieval runs before the response starts, so its failures are still problem+json.
    /// </summary>
    public async Task<Results<TResponse, ValidationProblem>> HandleStreamAsync<TResponse>(
        AnswerRequest request, Func<IAsyncEnumerable<object>, TResponse> respond, CancellationToken cancellationToken)
        where TResponse : IResult
    {
        var started = time.GetTimestamp();
        var (query, errors) = await request.ValidateAsync(store, options, cancellationToken);
        if (query is null) return TypedResults.ValidationProblem(errors.ToDictionary(), title: InvalidTitle);
        var items = await answers.StreamAsync(query, cancellationToken);
        return respond(LoggedAsync(items, started));
    }

    private async IAsyncEnumerable<object> LoggedAsync(IAsyncEnumerable<object> items, long started)
    {
        await foreach (var item in items)
        {
            if (item is ClinicalAnswer answer) log.Answered(answer, time.GetElapsedTime(started));
            yield return item;
        }
    }
}
