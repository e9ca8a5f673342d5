using Microsoft.Extensions.Options;
using RagApi.Hosting.Problems;

namespace RagApi.Hosting.Limits;

/// <summary>
/// A body over the limit gets 413 problem+json before binding reads it; a body sent without Content-Length is
/// buffered up to the limit so the limit holds on every server.
/// </summary>
internal static class BodyLimitMiddleware
{
    public static async Task EnforceAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<BodyLimitMetadata>() is null)
        {
            await next(context);
            return;
        }
        var max = context.RequestServices.GetRequiredService<IOptions<RequestLimitOptions>>().Value.MaxBodyBytes;
        var fits = context.Request.ContentLength is { } length
            ? length <= max
            : !HttpMethods.IsPost(context.Request.Method) || await BufferedBody.TryBufferAsync(context.Request, max, context.RequestAborted);
        if (!fits)
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ProblemTypes.BodyTooLarge,
                "The request body is too large.", $"Send at most {max} bytes.");
            return;
        }
        await next(context);
    }
}
