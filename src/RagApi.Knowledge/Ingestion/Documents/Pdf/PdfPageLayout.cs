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
            .SelectMany(block => Split(page.Number, page.Height, block))
            .Where(b => b.Text.Any(char.IsLetter)) // table cells of bare numbers are not passages
            .ToList();
    }

    /// <summary>
    /// A block's consecutive lines of one font size and weight; Docstrum may glue a heading to the paragraph under
    /// it, and the heading must stay a line of its own to be told apart.
    /// </summary>
    private static IEnumerable<PdfTextBlock> Split(int pageNumber, double pageHeight, TextBlock block)
    {
        var run = new List<TextLine>();
        (double Size, bool Bold)? font = null;
        foreach (var line in block.TextLines)
        {
            var letters = line.Words.SelectMany(w => w.Letters).ToList();
            var lineFont = (SizeOf(letters), BoldOf(letters));
            if (font is { } current && current != lineFont && run.Count > 0)
            {
                yield return ToBlock(pageNumber, pageHeight, run, current);
                run = [];
            }
            font = lineFont;
            run.Add(line);
        }
        if (run.Count > 0 && font is { } last) yield return ToBlock(pageNumber, pageHeight, run, last);
    }

    private static PdfTextBlock ToBlock(int pageNumber, double pageHeight, List<TextLine> lines, (double Size, bool Bold) font)
    {
        var text = ExtractedText.Clean(JoinLines(lines.Select(l => ExtractedText.Clean(l.Text))));
        return new PdfTextBlock(pageNumber, text, font.Size, font.Bold, lines.Max(l => l.BoundingBox.Top), lines.Min(l => l.BoundingBox.Bottom), pageHeight);
    }

    private static double SizeOf(IReadOnlyCollection<Letter> letters) =>
        letters.GroupBy(l => Math.Round(l.PointSize * 2) / 2).MaxBy(g => g.Count())?.Key ?? 0;

    private static bool BoldOf(IReadOnlyCollection<Letter> letters) =>
        letters.Count > 0 && letters.Count(l => IsBold(l.FontName)) * 2 > letters.Count;

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
