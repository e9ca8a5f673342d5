using Microsoft.AspNetCore.Http.Timeouts;

namespace RagApi.Hosting.Limits;

/// <summary>
/// The timeout middleware answers 504 only for an <see cref="OperationCanceledException"/>; a dependency stopped by
/// the timeout's token may report it its own way (ONNX Runtime's "terminate flag" error, an interrupted SQLite
/// command), which would otherwise leave as a 500. Once the request's timeout has fired, whatever it stopped is
/// reported as the cancellation it was, so a timed-out request always gets its 504 problem.
/// </summary>
internal static class TimedOutRequestFailures
{
    public static async Task ReportAsCancellationAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (e is not OperationCanceledException && TimedOut(context))
        {
            throw new OperationCanceledException("The request timed out.", e, context.RequestAborted);
        }
    }

    private static bool TimedOut(HttpContext context) =>
        context.Features.Get<IHttpRequestTimeoutFeature>() is { RequestTimeoutToken.IsCancellationRequested: true };
}
