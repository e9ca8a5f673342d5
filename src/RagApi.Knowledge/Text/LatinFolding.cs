namespace RagApi.Knowledge.Text;

/// <summary>
/// Folds accented Latin letters to their base letters ("Barré" matches "Barre"). A table rather than Unicode
/// normalisation, because the projects run with invariant globalization, where normalisation is not available.
/// </summary>
internal static class LatinFolding
{
    private static readonly Dictionary<char, string> Folds = Build(
        ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
        ("ŕŗř", "r"), ("śŝşš", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
        ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("þ", "th"), ("ð", "d"));

    /// <summary>The base letters of an accented lower-case letter, or null when it has none.</summary>
    public static string? Fold(char lowerCase) => Folds.GetValueOrDefault(lowerCase);

    private static Dictionary<char, string> Build(params (string Letters, string Base)[] groups) =>
        groups.SelectMany(g => g.Letters.Select(letter => (letter, g.Base))).ToDictionary(p => p.letter, p => p.Base);
}
