using System.Text.RegularExpressions;

namespace RagApi.Knowledge.Ingestion.Documents.Pdf;

/// <summary>
/// Removes what a page repeats rather than says: page numbers, and running heads and footers (the same text, digits
/// aside, in the top or bottom margin of several pages, such as "Rehabilitation Research and Practice 3").
/// </summary>
internal static partial class PdfMargins
{
    private const int MinimumRepeats = 3;

    [GeneratedRegex(@"^(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    public static IReadOnlyList<PdfTextBlock> Remove(IReadOnlyList<PdfTextBlock> blocks)
    {
        var pages = blocks.Select(b => b.Page).Distinct().Count();
        var repeats = Math.Min(MinimumRepeats, Math.Max(2, pages / 2));
        var repeated = blocks.Where(b => b.InMargin)
            .GroupBy(b => Shape(b.Text))
            .Where(g => g.Select(b => b.Page).Distinct().Count() >= repeats)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        return blocks.Where(b => !(b.InMargin && (PageNumber().IsMatch(b.Text) || repeated.Contains(Shape(b.Text))))).ToList();
    }

    private static string Shape(string text) => Digits().Replace(text.ToLowerInvariant(), "#");
}
