using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using RagApi.Hosting.Telemetry;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Hosting;
using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Limits;
using RagApi.Hosting.OpenApi;
using RagApi.Hosting.Problems;
using RagApi.Hosting.Security;
using RagApi.Requests;

namespace RagApi.Answers;

public static class AnswersApi
{
    public static WebApplicationBuilder AddAnswers(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ClinicalTextLogging>();
        builder.Services.AddSingleton<AnswerLog>();
        return builder;
    }

    public static WebApplication MapAnswers(this WebApplication app)
    {
        var group = app.MapGroup("/v1/answers").WithTags("Answers");
        group.MapPost("/", AnswerAsync)
            .WithName("Answer")
            .WithSummary("Answer a clinical question, or a follow-up, with numbered citations and the disclaimer.")
            .ProducesValidationProblem();
        group.MapAnswerStream();
        return app;
    }

    public static async Task<Results<Ok<ClinicalAnswer>, ValidationProblem>> AnswerAsync(
        AnswerRequest request, AnswerService answers, IKnowledgeStore store, AnswerOptions options, AnswerLog log, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (query, errors) = await request.ValidateAsync(store, options, cancellationToken);
        if (query is null) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The question cannot be answered as sent.");
        var answer = await answers.AnswerAsync(query, cancellationToken);
        log.Answered(answer, Stopwatch.GetElapsedTime(started));
        return TypedResults.Ok(answer);
    }
}
