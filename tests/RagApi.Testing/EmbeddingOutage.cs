using System.Net;
using System.Text;

namespace RagApi.Testing;

/// <summary>
/// How the stand-in embeddings endpoint fails, each as the real services document it. Bodies follow OpenAI's
/// error object, <c>{"error":{"message","type","param","code"}}</c>, as listed in OpenAI's "Error codes" guide
/// (which Azure OpenAI shares, with its own messages and a string <c>code</c>).
/// </summary>
internal enum EmbeddingOutage
{
    /// <summary>500 "The server had an error while processing your request", type server_error.</summary>
    ServerError,

    /// <summary>503 "The engine is currently overloaded, please try again later", type server_error.</summary>
    Overloaded,

    /// <summary>
    /// Azure OpenAI's 429 (quotas and limits; "Requests to the Embeddings_Create Operation ... have exceeded call rate
    /// limit"), with the <c>retry-after</c> (seconds) and <c>retry-after-ms</c> headers Azure sends, here 1 s and 20 ms.
    /// </summary>
    RateLimited,

    /// <summary>429 with code insufficient_quota, "You exceeded your current quota": a billing limit, not a wait.</summary>
    QuotaExhausted,

    /// <summary>401 with code invalid_api_key, whose message echoes a masked form of the key, as OpenAI's does.</summary>
    Unauthorised,

    /// <summary>Accepts the request and never answers (an overloaded gateway), until the caller gives up.</summary>
    Hangs,
}

internal static class EmbeddingOutageResponses
{
    public const string RetryAfterSeconds = "1";
    public const string RetryAfterMilliseconds = "20";

    public static async Task<HttpResponseMessage> RespondAsync(EmbeddingOutage outage, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        switch (outage)
        {
            case EmbeddingOutage.ServerError:
                return Error(HttpStatusCode.InternalServerError,
                    """{"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}""");
            case EmbeddingOutage.Overloaded:
                return Error(HttpStatusCode.ServiceUnavailable,
                    """{"error":{"message":"The engine is currently overloaded, please try again later","type":"server_error","param":null,"code":null}}""");
            case EmbeddingOutage.RateLimited:
                var limited = Error(HttpStatusCode.TooManyRequests,
                    """{"error":{"code":"429","message":"Requests to the Embeddings_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded call rate limit of your current OpenAI S0 pricing tier. Please retry after 1 second."}}""");
                limited.Headers.TryAddWithoutValidation("retry-after", RetryAfterSeconds);
                limited.Headers.TryAddWithoutValidation("retry-after-ms", RetryAfterMilliseconds);
                return limited;
            case EmbeddingOutage.QuotaExhausted:
                return Error(HttpStatusCode.TooManyRequests,
                    """{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}""");
            case EmbeddingOutage.Unauthorised:
                var key = request.Headers.Authorization?.Parameter ?? "";
                var masked = key.Length > 8 ? $"{key[..3]}***{key[^4..]}" : "***";
                return Error(HttpStatusCode.Unauthorized,
                    $$$"""{"error":{"message":"Incorrect API key provided: {{{masked}}}. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""");
            default:
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                throw new OperationCanceledException(cancellationToken);
        }
    }

    private static HttpResponseMessage Error(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
