using System.Globalization;

namespace RagApi.Hosting.Problems;

/// <summary>The one Retry-After rule: whole seconds, rounded up, never less than one.</summary>
internal static class RetryAfter
{
    public static void Set(HttpResponse response, TimeSpan after) =>
        response.Headers.RetryAfter = Seconds(after).ToString(CultureInfo.InvariantCulture);

    public static int Seconds(TimeSpan after) => Math.Max(1, (int)Math.Ceiling(after.TotalSeconds));
}
