namespace RagApi.Knowledge.Ingestion.Documents.Pdf;

/// <summary>
/// Tells headings by their font: a short block set larger than the body text, or bold at body size, is a heading;
/// larger sizes are higher levels. The largest text found only on the first page is the paper's title, which the
/// metadata already carries, so it is neither a section nor a passage; other sizes seen only on the first page
/// (authors, "Open Access" banners) are text, not sections. Reference lists end the text: they are not evidence.
/// </summary>
internal static class PdfHeadings
{
    private const int MaxHeadingWords = 14;
    private const double LargerThanBody = 1.15;

    public static IReadOnlyList<DocumentBlock> Apply(IReadOnlyList<PdfTextBlock> blocks)
    {
        if (blocks.Count == 0) return [];
        var body = blocks.GroupBy(b => b.FontSize).MaxBy(g => g.Sum(b => b.Text.Length))!.Key;
        var candidates = blocks.Where(b => IsHeading(b, body)).ToHashSet();
        var firstPageOnly = candidates.GroupBy(b => b.FontSize).Where(g => g.All(b => b.Page == 1)).Select(g => g.Key).ToHashSet();
        var titleSize = candidates.Count > 0 && firstPageOnly.Contains(candidates.Max(b => b.FontSize)) ? candidates.Max(b => b.FontSize) : (double?)null;
        candidates.RemoveWhere(b => firstPageOnly.Contains(b.FontSize) && blocks.Any(o => o.Page > 1 && candidates.Contains(o)));
        var sizes = candidates.Select(b => b.FontSize).Distinct().OrderDescending().ToList();

        var result = new List<DocumentBlock>();
        var headings = new List<(int Level, string Text)>();
        foreach (var block in blocks)
        {
            if (titleSize is { } t && block.FontSize == t && block.Page == 1) continue;
            if (candidates.Contains(block))
            {
                if (References.Contains(Words(block.Text))) break;
                var level = sizes.IndexOf(block.FontSize);
                headings.RemoveAll(h => h.Level >= level);
                headings.Add((level, block.Text));
                continue;
            }
            result.Add(new DocumentBlock(headings.Select(h => h.Text).ToArray(), block.Text, block.Page));
        }
        return result;
    }

    private static readonly HashSet<string> References = new(StringComparer.OrdinalIgnoreCase) { "references", "bibliography", "literature cited", "reference list" };

    private static string Words(string heading) => string.Join(' ', heading.Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd(':');

    private static bool IsHeading(PdfTextBlock block, double body)
    {
        if (block.WordCount > MaxHeadingWords || block.Text.Length < 3) return false;
        if (block.Text[^1] is '.' or ',' or ';' or ':' && !char.IsDigit(block.Text[0])) return false;
        if (!block.Text.Any(char.IsLetter)) return false;
        return block.FontSize >= body * LargerThanBody || (block.Bold && block.FontSize >= body * 0.95);
    }
}
