using UglyToad.PdfPig.Content;

namespace RagApi.Knowledge.Ingestion.Documents.Pdf;

/// <summary>What a run of letters' font says: its size, family, weight and slant, by the majority of its letters.</summary>
internal readonly record struct PdfFont(double Size, string Family, bool Bold, bool Italic)
{
    public static PdfFont Of(IReadOnlyCollection<Letter> letters) => new(
        letters.GroupBy(l => Math.Round(l.PointSize * 2) / 2).MaxBy(g => g.Count())?.Key ?? 0,
        letters.GroupBy(l => FamilyOf(l.FontName)).MaxBy(g => g.Count())?.Key ?? "",
        letters.Count > 0 && letters.Count(l => IsBold(l.FontName)) * 2 > letters.Count,
        letters.Count > 0 && letters.Count(l => IsItalic(l.FontName)) * 2 > letters.Count);

    /// <summary>"HBENGI+AdvTT86d47313+20" is "AdvTT86d47313": the subset prefix and a variant suffix are the same face.</summary>
    public static string FamilyOf(string? fontName)
    {
        var name = fontName ?? "";
        var plus = name.IndexOf('+', StringComparison.Ordinal);
        if (plus == 6 && name[..6].All(char.IsAsciiLetterUpper)) name = name[7..];
        plus = name.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? name[..plus] : name;
    }

    private static bool IsBold(string? fontName) =>
        fontName is not null && (fontName.Contains("Bold", StringComparison.OrdinalIgnoreCase) || fontName.Contains("Black", StringComparison.OrdinalIgnoreCase)
                                 || fontName.EndsWith(".B", StringComparison.Ordinal) || fontName.Contains("-Semibold", StringComparison.OrdinalIgnoreCase));

    private static bool IsItalic(string? fontName) =>
        fontName is not null && (fontName.Contains("Italic", StringComparison.OrdinalIgnoreCase) || fontName.Contains("Oblique", StringComparison.OrdinalIgnoreCase)
                                 || fontName.EndsWith(".I", StringComparison.Ordinal));
}
