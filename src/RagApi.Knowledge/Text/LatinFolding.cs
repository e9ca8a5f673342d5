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

    public static void AppendFolded(System.Text.StringBuilder text, char lowerCase)
    {
        if (Folds.TryGetValue(lowerCase, out var folded)) text.Append(folded);
        else text.Append(lowerCase);
    }

    private static Dictionary<char, string> Build(params (string Letters, string Base)[] groups) =>
        groups.SelectMany(g => g.Letters.Select(letter => (letter, g.Base))).ToDictionary(p => p.letter, p => p.Base);
}
