using System.Text.Json;
using RagApi.Eval.Beir;

namespace RagApi.Eval.SciFact;

/// <summary>One gold rationale: the abstract that supports or contradicts a claim, and the sentences that say so.</summary>
public sealed record Rationale(string DocumentId, string Label, IReadOnlyList<string> Sentences);

/// <summary>A claim that has evidence in the corpus.</summary>
public sealed record EvidencedClaim(string Id, string Text, IReadOnlyList<Rationale> Rationales)
{
    public IReadOnlySet<string> EvidenceDocuments => Rationales.Select(r => r.DocumentId).ToHashSet(StringComparer.Ordinal);
}

/// <summary>
/// A SciFact folder: the BEIR files (corpus.jsonl, queries.jsonl, qrels/train.tsv) plus rationales.jsonl
/// (query-id, corpus-id, label, sentence indexes) and sentences.jsonl (each abstract's sentences, the indexes' list).
/// A rationale index past its abstract's sentences is counted, not guessed at.
/// </summary>
public sealed record SciFactData(BeirDataset Beir, IReadOnlyList<EvidencedClaim> Claims, int UnresolvedSentences)
{
    public const string Split = "train";

    public static SciFactData Load(string folder)
    {
        var beir = BeirDataset.Load(folder, Split);
        var sentences = ReadLines(Path.Combine(folder, "sentences.jsonl"))
            .Select(x => (x.Location, Row: Parse<SentencesRow>(x)))
            .ToDictionary(x => Required(x.Row.Id, "_id", x.Location), x => x.Row.Sentences ?? [], StringComparer.Ordinal);
        var claimText = ReadLines(Path.Combine(folder, "queries.jsonl"))
            .Select(x => (x.Location, Row: Parse<QueryRow>(x)))
            .ToDictionary(x => Required(x.Row.Id, "_id", x.Location), x => Required(x.Row.Text, "text", x.Location), StringComparer.Ordinal);

        var unresolved = 0;
        var rationales = new List<(string ClaimId, Rationale Rationale)>();
        foreach (var line in ReadLines(Path.Combine(folder, "rationales.jsonl")))
        {
            var row = Parse<RationaleRow>(line);
            var claimId = Required(row.QueryId, "query-id", line.Location);
            var documentId = Required(row.CorpusId, "corpus-id", line.Location);
            if (!claimText.ContainsKey(claimId)) throw new InvalidDataException($"{line.Location}: claim '{claimId}' is not in queries.jsonl.");
            var abstractSentences = sentences.GetValueOrDefault(documentId)
                ?? throw new InvalidDataException($"{line.Location}: abstract '{documentId}' is not in sentences.jsonl.");
            var indexes = row.Sentences ?? [];
            unresolved += indexes.Count(i => i < 0 || i >= abstractSentences.Count);
            rationales.Add((claimId, new Rationale(documentId, row.Label ?? "", indexes.Where(i => i >= 0 && i < abstractSentences.Count).Select(i => abstractSentences[i]).ToList())));
        }
        // One rationale per (claim, abstract): SciFact lists each evidence set on its own line.
        var claims = rationales
            .GroupBy(r => r.ClaimId, StringComparer.Ordinal)
            .Select(g => new EvidencedClaim(g.Key, claimText[g.Key], g
                .GroupBy(r => r.Rationale.DocumentId, StringComparer.Ordinal)
                .Select(d => new Rationale(d.Key, d.First().Rationale.Label, d.SelectMany(r => r.Rationale.Sentences).Distinct().ToList()))
                .ToList()))
            .OrderBy(c => int.TryParse(c.Id, out var n) ? n : int.MaxValue).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        return new SciFactData(beir, claims, unresolved);
    }

    private static IEnumerable<(string Text, string Location)> ReadLines(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} is missing: a SciFact folder holds corpus.jsonl, queries.jsonl, qrels/train.tsv, rationales.jsonl and sentences.jsonl.", path);
        return File.ReadLines(path).Select((text, i) => (text, $"{path}:{i + 1}")).Where(x => !string.IsNullOrWhiteSpace(x.text));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static T Parse<T>((string Text, string Location) line)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(line.Text, Json) ?? throw new InvalidDataException($"{line.Location}: the line is JSON null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{line.Location}: not valid here: {e.Message}", e);
        }
    }

    private static string Required(string? value, string field, string location) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"{location}: '{field}' is missing.") : value;

    private sealed record SentencesRow([property: System.Text.Json.Serialization.JsonPropertyName("_id")] string? Id, IReadOnlyList<string>? Sentences);

    private sealed record QueryRow([property: System.Text.Json.Serialization.JsonPropertyName("_id")] string? Id, string? Text);

    private sealed record RationaleRow(
        [property: System.Text.Json.Serialization.JsonPropertyName("query-id")] string? QueryId,
        [property: System.Text.Json.Serialization.JsonPropertyName("corpus-id")] string? CorpusId,
        string? Label,
        IReadOnlyList<int>? Sentences);
}
