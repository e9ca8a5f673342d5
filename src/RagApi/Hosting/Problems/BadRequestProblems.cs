using System.Text.Json;

namespace RagApi.Hosting.Problems;

/// <summary>A body that cannot be read: too large, not JSON, or JSON of the wrong shape, named by the field where it broke.</summary>
internal static class BadRequestProblems
{
    public static HttpValidationProblemDetails Describe(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return new HttpValidationProblemDetails { Status = bad.StatusCode, Type = ProblemTypes.BodyTooLarge, Title = "The request body is too large." };
        if (FindJsonException(bad) is { } json)
        {
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [JsonField(json.Path)] = [JsonMessage(json)] })
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
}
