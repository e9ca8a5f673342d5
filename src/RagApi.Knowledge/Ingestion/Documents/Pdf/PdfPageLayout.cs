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
    /// A block's consecutive lines of one font; Docstrum may glue a heading to the paragraph under it, and the
    /// heading must stay a line of its own to be told apart. A line only slanted otherwise (a quotation) stays in
    /// its paragraph; a line opening with words in a font of their own (a run-in heading) starts a new block.
    /// </summary>
    private static IEnumerable<PdfTextBlock> Split(int pageNumber, double pageHeight, TextBlock block)
    {
        var run = new List<TextLine>();
        PdfFont? font = null;
        TextLine? previous = null;
        foreach (var line in block.TextLines)
        {
            var opensWithRunIn = RunInOf(line, previous) is not null;
            previous = line;
            var lineFont = PdfFont.Of(line.Words.SelectMany(w => w.Letters).ToList());
            var continues = font is { } current && (IsQuotation(current, lineFont) || SameFont(current, lineFont)) && !opensWithRunIn;
            if (!continues && run.Count > 0)
            {
                yield return ToBlock(pageNumber, pageHeight, run);
                run = [];
            }
            if (!continues) font = lineFont;
            run.Add(line);
        }
        if (run.Count > 0) yield return ToBlock(pageNumber, pageHeight, run);
    }

    /// <summary>A line set in the paragraph's size and weight, only slanted otherwise (a quotation, or a gloss inside one).</summary>
    private static bool IsQuotation(PdfFont paragraph, PdfFont line) =>
        line.Italic != paragraph.Italic && line.Size == paragraph.Size && line.Bold == paragraph.Bold;

    private static bool SameFont(PdfFont a, PdfFont b) => a.Size == b.Size && a.Bold == b.Bold && a.Family == b.Family;

    private const int MaxRunInWords = 8;

    /// <summary>
    /// The words a line opens with in another, upright font than the rest of the line, when they look like a
    /// heading: closed by a colon or full stop, or set bold where a paragraph starts (first line, or after a line
    /// ending a sentence); bold words inside a paragraph are emphasis.
    /// </summary>
    private static (string Lead, PdfFont Font, string After)? RunInOf(TextLine line, TextLine? previous)
    {
        var words = line.Words.Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        if (words.Count < 2) return null;
        var family = PdfFont.FamilyOf(words[0].Letters[0].FontName);
        var leadCount = words.TakeWhile(w => PdfFont.FamilyOf(w.Letters[0].FontName) == family).Count();
        if (leadCount == words.Count || leadCount > MaxRunInWords) return null;
        var leadFont = PdfFont.Of(words.Take(leadCount).SelectMany(w => w.Letters).ToList());
        var restFont = PdfFont.Of(words.Skip(leadCount).SelectMany(w => w.Letters).ToList());
        var lead = ExtractedText.Clean(string.Join(' ', words.Take(leadCount).Select(w => w.Text)));
        var rest = ExtractedText.Clean(string.Join(' ', words.Skip(leadCount).Select(w => w.Text)));
        if (leadFont.Italic || restFont.Italic || leadFont.Family == restFont.Family || !rest.Any(char.IsLetter)) return null;
        if (lead.FirstOrDefault(char.IsLetter) is var first && !char.IsUpper(first)) return null;
        // A heading ends with its colon or full stop, or is set bold; other words in another face open a sentence.
        var paragraphStarts = previous is null || previous.Text.TrimEnd() is [.., '.' or '!' or '?' or ':'];
        if (!(lead.EndsWith(':') || lead.EndsWith('.') || leadFont.Bold && paragraphStarts)) return null;
        return (lead, leadFont, rest);
    }

    private static PdfTextBlock ToBlock(int pageNumber, double pageHeight, List<TextLine> lines)
    {
        var text = ExtractedText.Clean(JoinLines(lines.Select(l => ExtractedText.Clean(l.Text))));
        var font = PdfFont.Of(lines.SelectMany(l => l.Words).SelectMany(w => w.Letters).ToList());
        var runIn = RunInOf(lines[0], previous: null) is { } lead
            ? new PdfRunIn(lead.Lead, lead.Font.Family, lead.Font.Size, lead.Font.Bold, ExtractedText.Clean(JoinLines(lines.Skip(1).Select(l => ExtractedText.Clean(l.Text)).Prepend(lead.After))))
            : null;
        return new PdfTextBlock(pageNumber, text, font.Size, font.Bold, lines.Max(l => l.BoundingBox.Top), lines.Min(l => l.BoundingBox.Bottom), pageHeight)
        {
            Font = font.Family, Italic = font.Italic, Lines = lines.Count, RunIn = runIn,
        };
    }

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
