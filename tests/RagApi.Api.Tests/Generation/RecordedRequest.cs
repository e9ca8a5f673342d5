using System.Text.Json;
using System.Text.RegularExpressions;

namespace RagApi.Api.Tests.Generation;

internal sealed partial record RecordedRequest(string Path, string Body, IReadOnlyDictionary<string, string> Headers)
{
    private JsonElement Root => JsonDocument.Parse(Body).RootElement;

    /// <summary>The text of the last message of a chat request (the user message with the data and the question).</summary>
    public string Prompt => Messages[^1].Content;

    public IReadOnlyList<(string Role, string Content)> Messages =>
        Root.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("role").GetString()!, m.GetProperty("content").GetString()!)).ToList();

    public bool Streams => Root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True;

    public bool Has(string parameter) => Root.TryGetProperty(parameter, out _);

    [GeneratedRegex("<document id=\"(\\d+)\"[^>]*>\\n(.*?)\\n</document>", RegexOptions.Singleline)]
    private static partial Regex Document();

    /// <summary>The passages of the prompt by the id it gave them.</summary>
    public IReadOnlyList<(int Id, string Text)> Passages =>
        Document().Matches(Prompt).Select(m => (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value)).ToList();

    /// <summary>The id the prompt gave the first passage containing <paramref name="phrase"/>.</summary>
    public int PassageNumberContaining(string phrase) =>
        Passages.FirstOrDefault(p => p.Text.Contains(phrase, StringComparison.OrdinalIgnoreCase)) is { Id: > 0 } found
            ? found.Id
            : throw new InvalidOperationException($"No passage in the prompt contains '{phrase}'.");

    /// <summary>The id of the first passage containing none of <paramref name="phrases"/>.</summary>
    public int PassageNumberNotContaining(params string[] phrases) =>
        Passages.FirstOrDefault(p => !phrases.Any(x => p.Text.Contains(x, StringComparison.OrdinalIgnoreCase))) is { Id: > 0 } found
            ? found.Id
            : throw new InvalidOperationException("Every passage in the prompt contains one of the phrases.");
}
