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
}
