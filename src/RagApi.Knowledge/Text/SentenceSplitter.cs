namespace RagApi.Knowledge.Text;

/// <summary>A sentence as a span of the text it was found in, so a quote can be cut out verbatim.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
    public string Of(string text) => text.Substring(Start, Length);
}

/// <summary>
/// Splits prose into sentences at terminal punctuation followed by a capital, a digit or an opening bracket,
/// except after abbreviations common in clinical writing ("e.g.", "et al.", "vs.") and initials.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "al", "vs", "dr", "fig", "figs", "approx", "cf", "no", "nos", "ref", "refs", "st", "mr", "mrs",
        "ms", "prof", "etc", "jr", "sr", "inc", "ltd", "co", "vol", "pp", "ed", "eds",
    };

    public static IReadOnlyList<TextSpan> Split(string text)
    {
        var spans = new List<TextSpan>();
        var start = SkipWhitespace(text, 0);
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?' or '\n')) continue;
            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '\'' or ')' or ']' or '\u201D' or '\u2019') end++;
            if (text[i] != '\n' && !IsBoundary(text, i, end)) continue;
            Add(spans, text, start, end);
            start = SkipWhitespace(text, end);
            i = start - 1;
        }
        Add(spans, text, start, text.Length);
        return spans;
    }

    private static bool IsBoundary(string text, int punctuation, int afterClosers)
    {
        if (afterClosers >= text.Length) return true;
        if (!char.IsWhiteSpace(text[afterClosers])) return false;
        var next = SkipWhitespace(text, afterClosers);
        if (next >= text.Length) return true;
        var c = text[next];
        if (!(char.IsUpper(c) || char.IsDigit(c) || c is '(' or '[' or '"' or '\u201C')) return false;
        return text[punctuation] != '.' || !EndsWithAbbreviation(text, punctuation);
    }

    private static bool EndsWithAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] != '(') wordStart--;
        var word = text[wordStart..dot];
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // an initial, as in "J. Smith"
        return Abbreviations.Contains(word);
    }

    private static void Add(List<TextSpan> spans, string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) spans.Add(new TextSpan(start, end - start));
    }

    private static int SkipWhitespace(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index])) index++;
        return index;
    }
}
