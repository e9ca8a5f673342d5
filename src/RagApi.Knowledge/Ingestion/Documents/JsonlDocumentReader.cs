using System.Text.Json;

namespace RagApi.Knowledge.Ingestion.Documents;

/// <summary>
/// Reads JSONL corpora, one document per line: <c>id</c> (or BEIR's <c>_id</c>), <c>title</c>, <c>text</c>,
/// and the metadata fields either at top level or inside BEIR's <c>metadata</c> object.
/// Documents without a kind are research.
/// </summary>
internal static class JsonlDocumentReader
{
    public static IEnumerable<SourceDocument> Read(string file, TextReader reader, List<DocumentProblem> problems)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var document = ReadLine(file, lineNumber, line, problems);
            if (document is not null) yield return document;
        }
    }

    private static SourceDocument? ReadLine(string file, int lineNumber, string line, List<DocumentProblem> problems)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            problems.Add(new(file, lineNumber, $"malformed JSON: {e.Message}"));
            return null;
        }
        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new(file, lineNumber, "each line must be a JSON object"));
                return null;
            }
            var fields = new DocumentFields(file, lineNumber);
            AddScalars(json.RootElement, fields, lineNumber);
            if (json.RootElement.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
                AddScalars(metadata, fields, lineNumber, overwrite: false);
            var text = json.RootElement.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
            return fields.ToDocument(text.Trim(), DocumentKind.Research, problems);
        }
    }

    private static void AddScalars(JsonElement element, DocumentFields fields, int line, bool overwrite = true)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!overwrite && fields.Has(property.Name)) continue;
            var value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                _ => null,
            };
            if (value is not null) fields.Set(property.Name, value, line);
        }
    }
}
