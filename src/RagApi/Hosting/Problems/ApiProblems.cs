using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Hosting;
using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Limits;
using RagApi.Hosting.OpenApi;
using RagApi.Hosting.Security;
using RagApi.Hosting.Telemetry;
using RagApi.Requests;

namespace RagApi.Hosting.Problems;

/// <summary>Every error leaves as application/problem+json; a body that cannot be read names where it broke.</summary>
public static class ApiProblems
{
    public static WebApplicationBuilder AddApiProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures throw so the handler below can describe them instead of answering an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.AllowTrailingCommas = false;
        });
        return builder;
    }

    public static WebApplication UseApiProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}

internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException bad => Describe(bad),
            KnowledgeStoreUnavailableException unavailable => StoreUnavailable.Describe(context, unavailable),
            _ when StoreFailures.IsStoreFailure(exception) => DescribeStoreFailure(context, exception),
            _ => null,
        };
        if (problem is null)
        {
            LogUnhandled(exception, context.Request.Path);
            problem = new HttpValidationProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "The server could not answer this request." };
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private HttpValidationProblemDetails DescribeStoreFailure(HttpContext context, Exception exception)
    {
        LogStoreFailure(exception.GetType().Name, exception.Message, context.Request.Path);
        ProblemResponses.SetRetryAfter(context, TimeSpan.FromSeconds(5));
        return new HttpValidationProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Type = ProblemTypes.StoreUnavailable,
            Title = "The knowledge store is unavailable.",
            Detail = "The store could not be read; retry after the time in Retry-After.",
        };
    }

    private static HttpValidationProblemDetails Describe(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return new HttpValidationProblemDetails { Status = bad.StatusCode, Type = ProblemTypes.BodyTooLarge, Title = "The request body is too large." };
        if (FindJsonException(bad) is { } json)
        {
            var field = JsonField(json.Path);
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [JsonMessage(json)] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body is not valid JSON for this endpoint.",
            };
        }
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = [bad.Message] })
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType
                ? "Send the request body as application/json."
                : "The request could not be read.",
        };
    }

    private static JsonException? FindJsonException(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is JsonException json) return json;
        return null;
    }

    /// <summary>"$.history[0].role" becomes "history[0].role"; a document-level error is the body.</summary>
    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    private static string JsonMessage(JsonException json) =>
        json.Message.Split(" Path:", 2)[0].Trim();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store failed ({ExceptionType}: {StoreError}) answering {Path}; answered 503")]
    private partial void LogStoreFailure(string exceptionType, string storeError, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error answering {Path}")]
    private partial void LogUnhandled(Exception exception, PathString path);
}
