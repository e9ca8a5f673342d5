using System.Globalization;
using System.Net.Http.Headers;

namespace RagApi.Knowledge.Models;

/// <summary>
/// The wait a 429 or 503 asks for: Azure OpenAI sends <c>retry-after-ms</c> (milliseconds) beside the standard
/// <c>Retry-After</c> (seconds or an HTTP date); the finer one wins.
/// </summary>
public static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage response, TimeProvider time)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
            return TimeSpan.FromMilliseconds(milliseconds);
        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
    }
}
