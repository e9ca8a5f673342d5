using Microsoft.AspNetCore.Http.HttpResults;
using RagApi.Hosting.Telemetry;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;

namespace RagApi.Answers;

public static class AnswersApi
{
    public static WebApplicationBuilder AddAnswers(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ClinicalTextLogging>();
        builder.Services.AddSingleton<AnswerLog>();
        builder.Services.AddSingleton<AnswerHandler>();
        return builder;
    }

    public static RouteGroupBuilder MapAnswers(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/answers").WithTags("Answers");
        group.MapPost("/", AnswerAsync)
            .WithName("Answer")
            .WithSummary("Answer a clinical question, or a follow-up, with numbered citations and the disclaimer.")
            .ProducesValidationProblem();
        group.MapAnswerStream();
        return v1;
    }

    public static Task<Results<Ok<ClinicalAnswer>, ValidationProblem>> AnswerAsync(
        AnswerRequest request, AnswerHandler handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, TypedResults.Ok, cancellationToken);
}
