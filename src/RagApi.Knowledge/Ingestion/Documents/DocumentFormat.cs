namespace RagApi.Knowledge.Ingestion.Documents;

/// <summary>The formats the indexer reads; <see cref="None"/> files are skipped and named in the summary.</summary>
internal enum DocumentFormat
{
    None,
    Markdown,
    Jsonl,
    Pdf,
    Html,
    PubMedXml,
    JatsXml,
    UnknownXml,
}

/// <summary>
/// Chooses a format by extension, then checks the content: a ".pdf" that is not a PDF is refused rather than
/// misread, and an XML file is PubMed or JATS by its root element, whatever it is called.
/// </summary>
internal static class DocumentFormats
{
    private const int SniffBytes = 4096;

    public static DocumentFormat Of(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".md" or ".markdown" => DocumentFormat.Markdown,
            ".jsonl" => DocumentFormat.Jsonl,
            ".pdf" => DocumentFormat.Pdf,
            ".htm" or ".html" or ".xhtml" => DocumentFormat.Html,
            ".xml" or ".nxml" => XmlFormatOf(Head(path)),
            ".yaml" or ".yml" or ".txt" or ".json" or ".csv" => DocumentFormat.None,
            _ => Sniff(Head(path)),
        };
    }

    /// <summary>Files without a known extension are read when their first bytes say what they are.</summary>
    private static DocumentFormat Sniff(string head)
    {
        var start = head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (start.StartsWith("%PDF-", StringComparison.Ordinal)) return DocumentFormat.Pdf;
        if (start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
            return DocumentFormat.Html;
        if (start.StartsWith('<') && XmlFormatOf(head) is var xml and not DocumentFormat.UnknownXml) return xml;
        return DocumentFormat.None;
    }

    private static DocumentFormat XmlFormatOf(string head)
    {
        if (head.Contains("<PubmedArticleSet", StringComparison.Ordinal) || head.Contains("<PubmedArticle>", StringComparison.Ordinal))
            return DocumentFormat.PubMedXml;
        if (head.Contains("<article", StringComparison.Ordinal) || head.Contains("<pmc-articleset", StringComparison.Ordinal))
            return DocumentFormat.JatsXml;
        return DocumentFormat.UnknownXml;
    }

    private static string Head(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[SniffBytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }
}
