using System.Net;
using RagApi.Knowledge.Models;

namespace RagApi.Knowledge.Tests.Generation;

public sealed class RetryAfterTests
{
    [Fact]
    public void Of_RetryAfterMs_WinsOverTheCoarserRetryAfter()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "2");
        response.Headers.TryAddWithoutValidation("retry-after-ms", "1500");

        Assert.Equal(TimeSpan.FromMilliseconds(1500), RetryAfter.Of(response, TimeProvider.System));
    }

    [Fact]
    public void Of_RetryAfterSeconds_IsTheWait()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "7");

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.Of(response, TimeProvider.System));
    }

    [Fact]
    public void Of_NoHeader_IsNoWait()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Null(RetryAfter.Of(response, TimeProvider.System));
    }
}
