using System.Text.Json;

namespace RagApi.Knowledge.Models;

/// <summary>The OpenAI error body <c>{"error": {"message", "type", "param", "code"}}</c>, which Azure OpenAI, vLLM and others share.</summary>
internal sealed record ModelErrorBody(string? Code, string? Param, string? Type)
{
    public static ModelErrorBody? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (!json.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object) return null;
            return new ModelErrorBody(Text(error, "code"), Text(error, "param"), Text(error, "type"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static ModelErrorBody? Of(Exception error) => error switch
    {
        Microsoft.SemanticKernel.HttpOperationException http => Parse(http.ResponseContent),
        _ when error.InnerException is { } inner => Of(inner),
        _ => null,
    };

    /// <summary>The documented refusal of a parameter value (unsupported_value) or of the parameter itself (unsupported_parameter).</summary>
    public bool Refuses(string parameter) =>
        Param == parameter && Code is "unsupported_value" or "unsupported_parameter";

    private static string? Text(JsonElement error, string name) =>
        error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
