using System.Net;
using System.Text.Json;

namespace RagApi.Api.Tests.Generation;

/// <summary>
/// One scripted reply of the stand-in model server: a status, a body, headers, an optional hang, and for chat
/// replies the parts a streamed reply is made of (content, reasoning_content, finish_reason).
/// </summary>
internal sealed record ScriptedReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan? Hang = null)
{
    public string? Content { get; init; }

    /// <summary>vLLM's --reasoning-parser (and DeepSeek's API) put the thinking here, beside the content.</summary>
    public string? ReasoningContent { get; init; }

    /// <summary>stop, length (max tokens reached) or content_filter (Azure OpenAI's filter withheld the rest).</summary>
    public string FinishReason { get; init; } = "stop";

    public static ScriptedReply Chat(string content, string finishReason = "stop", string? reasoningContent = null) =>
        new(200, CompletionBody(content, finishReason, reasoningContent))
        {
            Content = content,
            FinishReason = finishReason,
            ReasoningContent = reasoningContent,
        };

    // The chat.completion object of the OpenAI API reference (Create chat completion, response).
    private static string CompletionBody(string content, string finishReason, string? reasoningContent) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-test",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "scripted",
        choices = new[]
        {
            new
            {
                index = 0,
                message = reasoningContent is null
                    ? (object)new { role = "assistant", content }
                    : new { role = "assistant", content, reasoning_content = reasoningContent },
                finish_reason = finishReason,
            },
        },
        usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
    });

    public static ScriptedReply Failure(HttpStatusCode status, IReadOnlyDictionary<string, string>? headers = null) =>
        new((int)status, """{"error":{"message":"scripted failure","type":"server_error"}}""", headers);

    /// <summary>
    /// Azure OpenAI's 429 for a deployment over its tokens-per-minute limit: the body names the wait in words, the
    /// headers carry it as retry-after (seconds) and retry-after-ms (milliseconds).
    /// </summary>
    public static ScriptedReply RateLimited(string? retryAfterSeconds, string? retryAfterMilliseconds = null)
    {
        var headers = new Dictionary<string, string>();
        if (retryAfterSeconds is not null) headers["Retry-After"] = retryAfterSeconds;
        if (retryAfterMilliseconds is not null) headers["retry-after-ms"] = retryAfterMilliseconds;
        return new(429, """{"error":{"code":"429","message":"Requests to the ChatCompletions_Create Operation have exceeded token rate limit of your current pricing tier. Please retry after the time given."}}""", headers);
    }

    /// <summary>
    /// OpenAI's 429 for an account out of credit (error code insufficient_quota): waiting does not help, and the
    /// OpenAI API's error-code guide says to check the plan and billing rather than retry.
    /// </summary>
    public static ScriptedReply QuotaExhausted() =>
        new(429, """{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}""");
}
