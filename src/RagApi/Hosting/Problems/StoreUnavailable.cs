using System.Globalization;
using Microsoft.AspNetCore.Mvc;
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

/// <summary>A store that cannot answer now is a 503 the client may retry, never a 500: the service recovers by itself.</summary>
internal static partial class StoreUnavailable
{
    public const string Type = "urn:ragapi:problem:store-unavailable";

    public static ProblemDetails Describe(HttpContext context, KnowledgeStoreUnavailableException exception)
    {
        var seconds = (int)Math.Ceiling(exception.RetryAfter.TotalSeconds);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreUnavailable));
        LogUnavailable(logger, exception.Message, context.Request.Path);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Type = Type,
            Title = "The passage store is unavailable; retry after the number of seconds in Retry-After.",
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store unavailable answering {Path}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason, PathString path);
}
