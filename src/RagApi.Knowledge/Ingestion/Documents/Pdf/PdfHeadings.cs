namespace RagApi.Knowledge.Ingestion.Documents.Pdf;

/// <summary>
/// Tells headings by their font: a short block set larger than the body text, or bold at body size, is a heading;
/// larger sizes are higher levels. The largest text found only on the first page is the paper's title, which the
/// metadata already carries, so it is neither a section nor a passage.
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
        var sizes = candidates.Select(b => b.FontSize).Distinct().OrderDescending().ToList();
        var titleSize = sizes.Count > 1 && candidates.Where(b => b.FontSize == sizes[0]).All(b => b.Page == 1) ? sizes[0] : (double?)null;

        var result = new List<DocumentBlock>();
        var headings = new List<(int Level, string Text)>();
        foreach (var block in blocks)
        {
            if (titleSize is { } t && block.FontSize == t && block.Page == 1) continue;
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

    private static bool IsHeading(PdfTextBlock block, double body)
    {
        if (block.WordCount > MaxHeadingWords || block.Text.Length < 3) return false;
        if (block.Text[^1] is '.' or ',' or ';' or ':' && !char.IsDigit(block.Text[0])) return false;
        if (!block.Text.Any(char.IsLetter)) return false;
        return block.FontSize >= body * LargerThanBody || (block.Bold && block.FontSize >= body * 0.95);
    }
}
