using Microsoft.AspNetCore.Diagnostics;
using RagApi.Knowledge;

namespace RagApi.Hosting.Problems;

/// <summary>The one error boundary: every exception an endpoint lets through leaves as problem+json, mapped once here.</summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        Microsoft.AspNetCore.Mvc.ProblemDetails problem;
        switch (exception)
        {
            case BadHttpRequestException bad:
                problem = BadRequestProblems.Describe(bad);
                break;
            case KnowledgeException { IsTransient: true } transient:
                LogTransient(transient.GetType().Name, transient.Message, context.Request.Path);
                problem = KnowledgeProblems.Describe(context.Response, transient);
                break;
            case KnowledgeException failure:
                LogKnowledgeFailure(failure, context.Request.Path);
                problem = KnowledgeProblems.Describe(context.Response, failure);
                break;
            default:
                LogUnhandled(exception, context.Request.Path);
                problem = new HttpValidationProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "The server could not answer this request." };
                break;
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A knowledge dependency failed ({ExceptionType}: {Reason}) answering {Path}; answered 503")]
    private partial void LogTransient(string exceptionType, string reason, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "A knowledge failure that retrying will not fix, answering {Path}")]
    private partial void LogKnowledgeFailure(Exception exception, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error answering {Path}")]
    private partial void LogUnhandled(Exception exception, PathString path);
}
