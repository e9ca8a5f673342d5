using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using RagApi.Knowledge.Store;

namespace RagApi.Infrastructure;

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
