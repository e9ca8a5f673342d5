namespace RagApi.Knowledge.Ingestion.Documents;

/// <summary>A guideline or research text as read from seeds, a corpus, a PDF, a web page or an XML record, before chunking.</summary>
public sealed record SourceDocument(
    string Id,
    string Title,
    DocumentKind Kind,
    string Source,
    int? Year,
    string Url,
    string Citation,
    string Body,
    DocumentOrigin Origin)
{
    /// <summary>
    /// Paragraphs already laid out by a format reader, each with its section headings and page; null for Markdown
    /// and JSONL, whose <see cref="Body"/> is parsed by the chunker.
    /// </summary>
    public IReadOnlyList<DocumentBlock>? Blocks { get; init; }

    /// <summary>Physical pages read (PDF); 0 for formats without pages.</summary>
    public int Pages { get; init; }
}

/// <summary>
/// A paragraph under the headings that enclose it, the 1-based PDF page it is printed on, and the URL fragment
/// (<see cref="SectionAnchor"/>) that opens its section on the document's page, when the reader read that page's own headings.
/// </summary>
public sealed record DocumentBlock(IReadOnlyList<string> Headings, string Text, int? Page = null, string? Anchor = null);

/// <summary>Where a document came from, so every error can name the file and line.</summary>
public sealed record DocumentOrigin(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>A problem at a line of a text file, at a page of a PDF (<see cref="Page"/>), or in a file as a whole (line 0).</summary>
public sealed record DocumentProblem(string File, int Line, string Message)
{
    public int? Page { get; init; }

    public static DocumentProblem AtPage(string file, int page, string message) => new(file, 0, message) { Page = page };

    public override string ToString() =>
        Page is { } page ? $"{File}: page {page}: {Message}" : Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

public sealed class DocumentValidationException(IReadOnlyList<DocumentProblem> problems)
    : KnowledgeException($"{problems.Count} problem(s) in the source documents:{Environment.NewLine}" +
                         string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<DocumentProblem> Problems { get; } = problems;

    public override bool IsTransient => false;
}
