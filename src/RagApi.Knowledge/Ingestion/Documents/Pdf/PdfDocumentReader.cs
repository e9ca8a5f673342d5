using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace RagApi.Knowledge.Ingestion.Documents.Pdf;

/// <summary>
/// Reads a PDF's text page by page in reading order, keeping each paragraph's page and section, with its metadata
/// from a sidecar (a PDF's own title field is too often junk to cite). Encrypted, corrupt, empty and image-only
/// PDFs are refused with the reason: there is no OCR here, and a guessed text would be cited as if it were printed.
/// </summary>
internal static class PdfDocumentReader
{
    private static readonly string[] Required = ["id", "title", "kind"];

    public static SourceDocument? Read(string path, string display, List<DocumentProblem> problems)
    {
        var fields = SidecarMetadata.For(path, display, problems);
        if (fields is null || !fields.Require(Required, SidecarMetadata.Hint(path), problems)) return null;
        if (ReadPages(path, display, problems) is not { } layout) return null;

        var blocks = PdfHeadings.Apply(PdfMargins.Remove(layout.Blocks));
        if (blocks.Count == 0)
        {
            problems.Add(new(display, 0, "no text once page numbers and running heads are removed"));
            return null;
        }
        return fields.ToDocument(ExtractedText.Body(blocks), defaultKind: null, problems) is { } document
            ? document with { Blocks = blocks, Pages = layout.Pages }
            : null;
    }

    private sealed record Layout(IReadOnlyList<PdfTextBlock> Blocks, int Pages);

    private static Layout? ReadPages(string path, string display, List<DocumentProblem> problems)
    {
        if (!StartsLikeAPdf(path))
        {
            problems.Add(new(display, 0, "not a PDF: the file does not start with '%PDF-'"));
            return null;
        }
        var page = 0;
        try
        {
            using var pdf = PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = false, SkipMissingFonts = true });
            if (pdf.NumberOfPages == 0)
            {
                problems.Add(new(display, 0, "empty PDF: it has no pages"));
                return null;
            }
            var blocks = new List<PdfTextBlock>();
            for (page = 1; page <= pdf.NumberOfPages; page++)
                blocks.AddRange(PdfPageLayout.Read(pdf.GetPage(page)));
            if (blocks.Count == 0)
            {
                problems.Add(new(display, 0, $"no text layer on any of its {pdf.NumberOfPages} page(s) (a scan?): " +
                                             "this indexer does not run OCR; index a PDF with a text layer"));
                return null;
            }
            return new Layout(blocks, pdf.NumberOfPages);
        }
        catch (PdfDocumentEncryptedException)
        {
            problems.Add(new(display, 0, "encrypted PDF: it needs a password; index an unencrypted copy"));
        }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException
                                       or IndexOutOfRangeException or NullReferenceException or InvalidCastException or FormatException
                                       or KeyNotFoundException or EndOfStreamException or OverflowException)
        {
            // PdfPig reports a damaged file through several exception types; all mean the same to the operator.
            var message = $"corrupt PDF, cannot be read: {e.Message}";
            problems.Add(page > 0 ? DocumentProblem.AtPage(display, page, message) : new(display, 0, message));
        }
        return null;
    }

    private static bool StartsLikeAPdf(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[1024];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return System.Text.Encoding.ASCII.GetString(head[..read]).Contains("%PDF-", StringComparison.Ordinal);
    }
}
