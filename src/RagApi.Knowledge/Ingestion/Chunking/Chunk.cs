using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Ingestion.Chunking;

/// <summary>What a citation shows about the document a passage came from.</summary>
public sealed record DocumentMetadata(
    string Id,
    string Title,
    DocumentKind Kind,
    string Source,
    int? Year,
    string Url,
    string Citation)
{
    public static DocumentMetadata Of(SourceDocument document) =>
        new(document.Id, document.Title, document.Kind, document.Source, document.Year, document.Url, document.Citation);
}

/// <summary>
/// The one chunk model: what the store keeps, what retrieval returns and what a citation quotes from.
/// <see cref="Sentences"/> are spans of <see cref="Text"/>, so a quote is always verbatim.
/// </summary>
public sealed record Chunk(
    string ChunkId,
    int Ordinal,
    string SectionPath,
    string Text,
    IReadOnlyList<TextSpan> Sentences,
    DocumentMetadata Document)
{
    public string DocumentId => Document.Id;

    /// <summary>
    /// The 1-based PDF page every sentence of this chunk is printed on; null for formats without pages.
    /// Chunks never cross a page, so each sentence's page is its chunk's.
    /// </summary>
    public int? Page { get; init; }

    /// <summary>
    /// The URL fragment (without '#') that opens this chunk's section on the document's page: an element id or a text
    /// fragment of the source's own heading. Null where the page cannot show the section (Markdown and JSONL headings
    /// are ours, a PDF opens at its page) and in stores written before anchors were kept.
    /// </summary>
    public string? Anchor { get; init; }

    /// <summary>The text that is embedded and indexed: the section path gives a passage its context.</summary>
    public string IndexText => IndexTextOf(SectionPath, Text);

    public static string IndexTextOf(string sectionPath, string text) => $"{sectionPath}\n{text}";

    public string Sentence(int index) => Sentences[index].Of(Text);

    public static string IdFor(string documentId, int ordinal) => $"{documentId}#{ordinal:D3}";
}
