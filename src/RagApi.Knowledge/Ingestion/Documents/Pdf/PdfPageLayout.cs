using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.Util;

namespace RagApi.Knowledge.Ingestion.Documents.Pdf;

/// <summary>
/// A page's text blocks in reading order, by PdfPig's layout analysis: words from letters by their gaps,
/// blocks by Docstrum (which keeps the columns of a two-column page apart), then the unsupervised reading-order
/// detector (left column before right). Lines of a block are joined, and a word hyphenated at a line's end is
/// joined again.
/// </summary>
internal static class PdfPageLayout
{
    public static IReadOnlyList<PdfTextBlock> Read(Page page)
    {
        if (!page.Letters.Any(l => !string.IsNullOrWhiteSpace(l.Value))) return [];
        // Words by the gaps between glyphs: LaTeX PDFs carry no space glyphs, and the nearest-neighbour
        // extractor runs their words together ("Themesidentifiedfrom...").
        var words = DefaultWordExtractor.Instance.GetWords(page.Letters);
        var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
        var ordered = UnsupervisedReadingOrderDetector.Instance.Get(blocks);
        return ordered
            .Select(block => ToBlock(page.Number, page.Height, block))
            .Where(b => b.Text.Any(char.IsLetter)) // table cells of bare numbers are not passages
            .ToList();
    }

    private static PdfTextBlock ToBlock(int pageNumber, double pageHeight, TextBlock block)
    {
        var letters = block.TextLines.SelectMany(l => l.Words).SelectMany(w => w.Letters).ToList();
        var size = letters.GroupBy(l => Math.Round(l.PointSize * 2) / 2).MaxBy(g => g.Count())?.Key ?? 0;
        var bold = letters.Count > 0 && letters.Count(l => IsBold(l.FontName)) * 2 > letters.Count;
        var text = ExtractedText.Clean(JoinLines(block.TextLines.Select(l => ExtractedText.Clean(l.Text))));
        return new PdfTextBlock(pageNumber, text, size, bold, block.BoundingBox.Top, block.BoundingBox.Bottom, pageHeight);
    }

    private static bool IsBold(string? fontName) =>
        fontName is not null && (fontName.Contains("Bold", StringComparison.OrdinalIgnoreCase) || fontName.Contains("Black", StringComparison.OrdinalIgnoreCase)
                                 || fontName.EndsWith(".B", StringComparison.Ordinal) || fontName.Contains("-Semibold", StringComparison.OrdinalIgnoreCase));

    /// <summary>"treat-" + "ment" is "treatment"; "follow-" + "Up" and "2010-" + "2012" keep their hyphen.</summary>
    public static string JoinLines(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            if (text.Length == 0) { text.Append(line); continue; }
            var hyphenated = text.Length >= 2 && text[^1] == '-' && char.IsLetter(text[^2]) && char.IsLower(line[0]);
            if (hyphenated) text.Length--;
            else text.Append(' ');
            text.Append(line);
        }
        return text.ToString();
    }
}
