using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;

namespace RagApi.Testing;

/// <summary>Source documents and Markdown files built from a few fields, everything else fixed.</summary>
internal static class TestDocuments
{
    public static SourceDocument Source(string id, string body, DocumentKind kind = DocumentKind.Research, int? year = 2020, string? title = null) =>
        new(id, title ?? $"Title of {id}", kind, "Test Journal", year, $"https://example.org/{id}", "", body, new DocumentOrigin($"{id}.md", 1));

    public static DocumentMetadata Metadata(string id, DocumentKind kind = DocumentKind.Research, int? year = 2020) =>
        DocumentMetadata.Of(Source(id, "body", kind, year));

    public static string Markdown(string id, string body, string kind = "research") =>
        $"---\nid: {id}\ntitle: \"Title of {id}\"\nkind: {kind}\nyear: 2020\n---\n{body}\n";
}
