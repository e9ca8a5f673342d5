namespace RagApi.Knowledge.Ingestion.Documents.Pdf;

/// <summary>
/// Tells headings by their font: a short block set larger than the body text, or bold at body size, is a heading;
/// so is a single short line in another upright face than the text after it (publishers' heading fonts often carry
/// no "Bold" in their names), and the words a paragraph opens with in a face of their own ("Results: Human
/// resource ..."), a run-in heading. Larger sizes are higher levels. The largest text found only on the first page
/// is the paper's title, which the metadata already carries, so it is neither a section nor a passage; other sizes
/// seen only on the first page (authors, "Open Access" banners) are text, not sections. Reference lists end the
/// text: they are not evidence.
/// </summary>
internal static class PdfHeadings
{
    private const int MaxHeadingWords = 14;
    private const double LargerThanBody = 1.15;

    /// <summary>Captions, table cells and back matter are set smaller than this share of the body size.</summary>
    private const double SmallerThanBody = 0.9;

    public static IReadOnlyList<DocumentBlock> Apply(IReadOnlyList<PdfTextBlock> read)
    {
        if (read.Count == 0) return [];
        var body = read.GroupBy(b => b.FontSize).MaxBy(g => g.Sum(b => b.Text.Length))!.Key;
        var bodyFont = read.GroupBy(b => b.Font).MaxBy(g => g.Sum(b => b.Text.Length))!.Key;
        var (blocks, runIns) = SplitRunIns(read, body, bodyFont);
        var candidates = blocks.Where((b, i) => IsHeading(b, body) || IsSetApartByFont(b, i + 1 < blocks.Count ? blocks[i + 1] : null, body, bodyFont)).ToHashSet();
        var standalone = candidates.Where(b => !runIns.Contains(b)).ToList();
        var firstPageOnly = standalone.GroupBy(b => b.FontSize).Where(g => g.All(b => b.Page == 1)).Select(g => g.Key).ToHashSet();
        var titleSize = standalone.Count > 0 && firstPageOnly.Contains(standalone.Max(b => b.FontSize)) ? standalone.Max(b => b.FontSize) : (double?)null;
        candidates.RemoveWhere(b => !runIns.Contains(b) && firstPageOnly.Contains(b.FontSize) && blocks.Any(o => o.Page > 1 && candidates.Contains(o)));
        var sizes = candidates.Select(b => b.FontSize).Distinct().OrderDescending().ToList();

        var result = new List<DocumentBlock>();
        var headings = new List<(int Level, string Text)>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (titleSize is { } t && block.FontSize == t && block.Page == 1 && !runIns.Contains(block)) continue;
            if (IsReferenceList(block, i + 1 < blocks.Count ? blocks[i + 1] : null, candidates)) break;
            if (candidates.Contains(block))
            {
                var level = sizes.IndexOf(block.FontSize);
                headings.RemoveAll(h => h.Level >= level);
                headings.Add((level, block.Text));
                continue;
            }
            result.Add(new DocumentBlock(headings.Select(h => h.Text).ToArray(), block.Text, block.Page));
        }
        return result;
    }

    /// <summary>
    /// A block opening with a run-in heading (in a face other than the body's, not much smaller) becomes the heading
    /// (its own block, at the lead's size) and the text after it.
    /// </summary>
    private static (List<PdfTextBlock> Blocks, HashSet<PdfTextBlock> RunIns) SplitRunIns(IReadOnlyList<PdfTextBlock> read, double body, string bodyFont)
    {
        var blocks = new List<PdfTextBlock>(read.Count);
        var runIns = new HashSet<PdfTextBlock>();
        foreach (var block in read)
        {
            if (block.RunIn is { } runIn && runIn.Font != bodyFont && runIn.FontSize >= body * SmallerThanBody && runIn.Lead.TrimEnd(':', '.', ' ') is { Length: >= 2 } lead)
            {
                var heading = new PdfTextBlock(block.Page, lead, runIn.FontSize, runIn.Bold, block.Top, block.Top, block.PageHeight);
                runIns.Add(heading);
                blocks.Add(heading);
                blocks.Add(block with { Text = runIn.Rest, RunIn = null });
            }
            else blocks.Add(block);
        }
        return (blocks, runIns);
    }

    private static bool IsReferenceList(PdfTextBlock block, PdfTextBlock? next, HashSet<PdfTextBlock> candidates) =>
        References.Contains(Words(block.Text)) && (candidates.Contains(block) || block.Lines == 1 && next is not null && next.Font != block.Font);

    private static readonly HashSet<string> References = new(StringComparer.OrdinalIgnoreCase) { "references", "bibliography", "literature cited", "reference list" };

    private static string Words(string heading) => string.Join(' ', heading.Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd(':');

    private static bool IsHeading(PdfTextBlock block, double body)
    {
        if (!LooksLikeAHeading(block)) return false;
        return block.FontSize >= body * LargerThanBody || (block.Bold && block.FontSize >= body * 0.95);
    }

    /// <summary>
    /// One short upright line in another face than the text under it, not much smaller than the body: a heading
    /// whose font name does not say bold. The face must change again after it, so a list set in its own face
    /// ("1. the organization of ...") is not taken line by line for headings, and the text after it is not set
    /// smaller, as a table's cells are under its caption ("Table 1 Patient-provider relationship ...").
    /// </summary>
    private static bool IsSetApartByFont(PdfTextBlock block, PdfTextBlock? next, double body, string bodyFont) =>
        LooksLikeAHeading(block) && block.Lines == 1 && !block.Italic && block.Font != bodyFont && block.FontSize >= body * SmallerThanBody
        && next is not null && next.Font != block.Font && next.FontSize >= block.FontSize * SmallerThanBody
        && block.Text.FirstOrDefault(char.IsLetter) is var first && char.IsUpper(first);

    private static bool LooksLikeAHeading(PdfTextBlock block)
    {
        if (block.WordCount > MaxHeadingWords || block.Text.Length < 3) return false;
        if (block.Text[^1] is '.' or ',' or ';' or ':' && !char.IsDigit(block.Text[0])) return false;
        return block.Text.Any(char.IsLetter);
    }
}
