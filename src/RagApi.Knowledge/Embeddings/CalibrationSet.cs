using System.Text.Json;

namespace RagApi.Knowledge.Embeddings;

/// <summary>A question the seed corpus answers (or must refuse), from seeds/eval/relevance-calibration.jsonl.</summary>
public sealed record RelevanceCase(string Question, bool ShouldRefuse);

/// <summary>A statement and the document that does (or does not) say it, from seeds/eval/support-calibration.jsonl.</summary>
public sealed record SupportCase(string Statement, string DocumentId, bool Supported);

/// <summary>The two calibration files; a malformed line is refused naming the file and the line.</summary>
public sealed record CalibrationSet(IReadOnlyList<RelevanceCase> Relevance, IReadOnlyList<SupportCase> Support)
{
    public const string RelevanceFile = "relevance-calibration.jsonl";
    public const string SupportFile = "support-calibration.jsonl";

    /// <summary>Reads both files from a folder such as seeds/eval.</summary>
    public static CalibrationSet Load(string folder) => new(
        Lines(Path.Combine(folder, RelevanceFile), e => new RelevanceCase(e.GetProperty("question").GetString()!, e.GetProperty("shouldRefuse").GetBoolean())),
        Lines(Path.Combine(folder, SupportFile), e => new SupportCase(
            e.GetProperty("statement").GetString()!, e.GetProperty("documentId").GetString()!, e.GetProperty("supported").GetBoolean())));

    private static List<T> Lines<T>(string path, Func<JsonElement, T> read)
    {
        var cases = new List<T>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                cases.Add(read(json.RootElement));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidDataException($"{path}:{number}: not a calibration case ({e.Message}).", e);
            }
        }
        return cases;
    }
}
