using System.Text.Json;

namespace RagApi.Eval.BioAsq;

/// <summary>A gold snippet: a span of a gold document (its text, section and character offsets).</summary>
public sealed record BioAsqSnippet(string DocumentId, string Text, string? Section, int? Begin, int? End);

/// <summary>One BioASQ question: its body, the gold documents (as store ids) and the gold snippets.</summary>
public sealed record BioAsqQuestion(string Id, string Body, string? Type, IReadOnlyList<string> Documents, IReadOnlyList<BioAsqSnippet> Snippets);

/// <summary>
/// BioASQ-style JSON: {"questions": [{"id", "body", "type", "documents": [PubMed URLs], "snippets": [{"document",
/// "text", "offsetInBeginSection", "offsetInEndSection", "beginSection", "endSection"}]}]}. A PubMed URL becomes
/// the PMID it ends in, the id a PubMed-derived store (e.g. PubMedQA's) gives the document.
/// </summary>
public static class BioAsqDataset
{
    public static IReadOnlyList<BioAsqQuestion> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty("questions", out var questions) || questions.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{path}: expected an object with a \"questions\" array (BioASQ format).");
        var result = new List<BioAsqQuestion>();
        var index = 0;
        foreach (var q in questions.EnumerateArray())
        {
            index++;
            var where = $"{path}: questions[{index - 1}]";
            var body = q.TryGetProperty("body", out var b) ? b.GetString() : null;
            if (string.IsNullOrWhiteSpace(body)) throw new InvalidDataException($"{where}: \"body\" (the question) is required.");
            var documents = q.TryGetProperty("documents", out var d) ? d.EnumerateArray().Select(x => DocumentId(x.GetString() ?? "")).Distinct().ToList() : [];
            var snippets = q.TryGetProperty("snippets", out var s)
                ? s.EnumerateArray().Select(x => new BioAsqSnippet(
                    DocumentId(x.TryGetProperty("document", out var doc) ? doc.GetString() ?? "" : ""),
                    x.TryGetProperty("text", out var t) ? t.GetString() ?? "" : throw new InvalidDataException($"{where}: a snippet has no \"text\"."),
                    x.TryGetProperty("beginSection", out var sec) ? sec.GetString() : null,
                    x.TryGetProperty("offsetInBeginSection", out var ob) && ob.ValueKind == JsonValueKind.Number ? ob.GetInt32() : null,
                    x.TryGetProperty("offsetInEndSection", out var oe) && oe.ValueKind == JsonValueKind.Number ? oe.GetInt32() : null)).ToList()
                : [];
            result.Add(new BioAsqQuestion(q.TryGetProperty("id", out var id) ? id.GetString() ?? $"q{index}" : $"q{index}", body!,
                q.TryGetProperty("type", out var type) ? type.GetString() : null, documents, snippets));
        }
        return result;
    }

    /// <summary>"http://www.ncbi.nlm.nih.gov/pubmed/15858239" -> "15858239"; anything else is kept as given.</summary>
    public static string DocumentId(string reference)
    {
        var trimmed = reference.Trim().TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return trimmed.Contains("pubmed", StringComparison.OrdinalIgnoreCase) && slash >= 0 ? trimmed[(slash + 1)..] : trimmed;
    }
}
