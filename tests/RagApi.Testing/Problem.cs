using System.Net;
using System.Text.Json;

namespace RagApi.Testing;

/// <summary>An application/problem+json response as the tests see it.</summary>
internal sealed record Problem(HttpStatusCode Status, string? MediaType, string? Type, IReadOnlyList<string> Fields)
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType != "application/problem+json")
            return new Problem(response.StatusCode, mediaType, null, []);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
        var fields = root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
            ? errors.EnumerateObject().Select(e => e.Name).ToList()
            : [];
        return new Problem(response.StatusCode, mediaType, type, fields);
    }

    /// <summary>A 400 validation problem whose errors name the field.</summary>
    public void AssertNamesField(string field)
    {
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (Status, MediaType));
        Assert.Contains(field, Fields);
    }
}
