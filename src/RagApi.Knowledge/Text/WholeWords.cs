namespace RagApi.Knowledge.Text;

internal static class WholeWords
{
    /// <summary>
    /// Whether <paramref name="phrase"/> occurs in <paramref name="text"/> as whole words: "is a" in "LEMS is a
    /// disorder", not in "diagnosis and"; "MG" in "MG crisis", not in "2 mg/kg" unless case is ignored.
    /// </summary>
    public static bool Contain(string text, string phrase, StringComparison comparison = StringComparison.Ordinal)
    {
        if (phrase.Length == 0) return false;
        for (var at = text.IndexOf(phrase, comparison); at >= 0; at = text.IndexOf(phrase, at + 1, comparison))
        {
            var end = at + phrase.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                return true;
        }
        return false;
    }
}
