using System.Globalization;
using System.Text.Json;
using RagApi.Knowledge.Ingestion.Documents;

namespace RagApi.Eval.Beir;

public sealed record BeirQuery(string Id, string Text);

/// <summary>A BEIR folder: corpus.jsonl, queries.jsonl and qrels/&lt;split&gt;.tsv (query-id, corpus-id, score).</summary>
public sealed record BeirDataset(string Folder, string CorpusPath, IReadOnlyList<BeirQuery> Queries, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Qrels)
{
    public static BeirDataset Load(string folder, string? split)
    {
        var corpus = Path.Combine(folder, "corpus.jsonl");
        var qrelsPath = QrelsPath(folder, split);
        var qrels = ReadQrels(qrelsPath);
        var queries = File.ReadLines(Path.Combine(folder, "queries.jsonl"))
            .Select((line, i) => (line, i))
            .Where(x => !string.IsNullOrWhiteSpace(x.line))
            .Select(x => ReadQuery(x.line, $"queries.jsonl:{x.i + 1}"))
            .Where(q => qrels.ContainsKey(q.Id))
            .ToList();
        return new BeirDataset(folder, corpus, queries, qrels);
    }

    public IReadOnlyList<SourceDocument> LoadCorpus() => DocumentSourceLoader.Load(CorpusPath);

    private static string QrelsPath(string folder, string? split)
    {
        var qrels = Path.Combine(folder, "qrels");
        if (split is not null) return Path.Combine(qrels, $"{split}.tsv");
        foreach (var preferred in new[] { "test", "dev" })
            if (File.Exists(Path.Combine(qrels, $"{preferred}.tsv"))) return Path.Combine(qrels, $"{preferred}.tsv");
        return Directory.GetFiles(qrels, "*.tsv").Order().FirstOrDefault()
            ?? throw new FileNotFoundException($"No qrels/*.tsv in {folder}.");
    }

    private static Dictionary<string, IReadOnlyDictionary<string, int>> ReadQrels(string path)
    {
        var qrels = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (line, index) in File.ReadLines(path).Select((l, i) => (l, i)))
        {
            var fields = line.Split('\t');
            if (index == 0 && fields[0] == "query-id") continue;
            if (fields.Length < 3 || !int.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var score))
                throw new InvalidDataException($"{path}:{index + 1}: expected 'query-id<TAB>corpus-id<TAB>score'.");
            if (score <= 0) continue;
            if (!qrels.TryGetValue(fields[0], out var judged)) qrels[fields[0]] = judged = new Dictionary<string, int>(StringComparer.Ordinal);
            judged[fields[1]] = score;
        }
        return qrels.ToDictionary(q => q.Key, q => (IReadOnlyDictionary<string, int>)q.Value, StringComparer.Ordinal);
    }

    private static BeirQuery ReadQuery(string line, string location)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var id = root.TryGetProperty("_id", out var i) ? i.GetString() : null;
        var text = root.TryGetProperty("text", out var t) ? t.GetString() : null;
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(text)) throw new InvalidDataException($"{location}: a query needs '_id' and 'text'.");
        return new BeirQuery(id, text);
    }
}
