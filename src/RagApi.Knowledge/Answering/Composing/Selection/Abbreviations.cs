using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Answering.Composing.Selection;

/// <summary>
/// Abbreviations the retrieved passages define ("Lambert-Eaton myasthenic syndrome (LEMS)"), so that a sentence
/// saying "LEMS" names the subject a question spells out, and a question saying "LEMS" names it too.
/// </summary>
internal sealed class Abbreviations
{
    private readonly Dictionary<string, IReadOnlyList<string>> _longForms;

    private Abbreviations(Dictionary<string, IReadOnlyList<string>> longForms) => _longForms = longForms;

    private const int MaxLongFormWords = 8;

    /// <summary>An abbreviation's term and the terms of its long form.</summary>
    public sealed record Definition(string Term, IReadOnlyList<string> LongForm);

    public static Abbreviations Find(IEnumerable<string> texts) => From(texts.Select(DefinedIn));

    /// <summary>The definitions of several texts, in order: the first definition of an abbreviation holds.</summary>
    public static Abbreviations From(IEnumerable<IReadOnlyList<Definition>> definitions)
    {
        var longForms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var definition in definitions.SelectMany(d => d)) longForms.TryAdd(definition.Term, definition.LongForm);
        return new Abbreviations(longForms);
    }

    /// <summary>The abbreviations one text defines, in reading order.</summary>
    public static IReadOnlyList<Definition> DefinedIn(string text)
    {
        var definitions = new List<Definition>();
        for (var open = text.IndexOf('('); open >= 0; open = text.IndexOf('(', open + 1))
        {
            if (Bracketed(text, open) is not { } abbreviation) continue;
            var words = WordsBefore(text, open, MaxLongFormWords);
            if ((WordInitials(words, abbreviation) ?? LettersWithin(words, abbreviation)) is not { } longForm) continue;
            var terms = TextAnalyzer.Terms(abbreviation);
            if (terms.Count != 1) continue;
            definitions.Add(new Definition(terms[0], TextAnalyzer.Terms(string.Join(' ', longForm))));
        }
        return definitions;
    }

    /// <summary>The long form whose words start with the abbreviation's capitals, in order: "voltage-gated calcium channels (VGCC)".</summary>
    private static List<string>? WordInitials(List<string> words, string abbreviation)
    {
        var capitals = abbreviation.Where(char.IsUpper).Select(char.ToLowerInvariant).ToArray();
        if (words.Count < capitals.Length) return null;
        var longForm = words[^capitals.Length..];
        return longForm.Select(w => char.ToLowerInvariant(w[0])).SequenceEqual(capitals) ? longForm : null;
    }

    /// <summary>
    /// Else the fewest last words whose first word starts with the abbreviation's first letter and that hold its
    /// other letters in order (Schwartz and Hearst's rule): "diaminopyridine (DAP)", "intravenous immunoglobulin (IVIg)".
    /// </summary>
    private static List<string>? LettersWithin(List<string> words, string abbreviation)
    {
        var letters = abbreviation.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray();
        for (var count = 1; count <= Math.Min(words.Count, letters.Length); count++)
        {
            var longForm = words[^count..];
            if (char.ToLowerInvariant(longForm[0][0]) != letters[0]) continue;
            var joined = string.Join(' ', longForm).ToLowerInvariant();
            var at = 1;
            var matched = 1;
            while (matched < letters.Length && (at = joined.IndexOf(letters[matched], at)) >= 0)
            {
                matched++;
                at++;
            }
            if (matched == letters.Length) return longForm;
        }
        return null;
    }

    /// <summary>"(LEMS)": letters and digits in brackets, a capital first and at least two capitals; null otherwise.</summary>
    private static string? Bracketed(string text, int open)
    {
        var close = open + 1;
        while (close < text.Length && char.IsAsciiLetterOrDigit(text[close])) close++;
        if (close >= text.Length || text[close] != ')') return null;
        var inside = text.AsSpan(open + 1, close - open - 1);
        return inside.Length >= 2 && char.IsAsciiLetterUpper(inside[0]) && inside[1..].ContainsAnyInRange('A', 'Z') ? inside.ToString() : null;
    }

    /// <summary>
    /// The words (a letter, then word characters or apostrophes) that run up to the bracket, each followed by spaces
    /// or hyphens, at most <paramref name="max"/>, in reading order. Walking back from the bracket finds them without
    /// trying every word of the text as the start of a long form.
    /// </summary>
    private static List<string> WordsBefore(string text, int open, int max)
    {
        var words = new List<string>(max);
        var end = open;
        while (words.Count < max)
        {
            var separator = end;
            while (separator > 0 && IsSeparator(text[separator - 1])) separator--;
            if (separator == end) break;
            var start = separator;
            while (start > 0 && IsWordCharacter(text[start - 1])) start--;
            // A word starts with a letter: "5mg" contributes "mg", and nothing before it joins the long form.
            var letter = start;
            while (letter < separator && !char.IsAsciiLetter(text[letter])) letter++;
            if (letter == separator) break;
            words.Add(text[letter..separator]);
            if (letter != start) break;
            end = start;
        }
        words.Reverse();
        return words;
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c == '-';

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c is '_' or '\'' or '’';

    /// <summary>The terms of the long forms of the abbreviations among <paramref name="terms"/>.</summary>
    public IEnumerable<string> LongFormTermsIn(IReadOnlySet<string> terms) =>
        _longForms.Where(d => terms.Contains(d.Key)).SelectMany(d => d.Value);

    /// <summary>The terms, each defined abbreviation followed by the terms of its long form.</summary>
    public IReadOnlyList<string> Expand(IReadOnlyList<string> terms)
    {
        if (_longForms.Count == 0 || !terms.Any(_longForms.ContainsKey)) return terms;
        var expanded = new List<string>(terms.Count + 4);
        foreach (var term in terms)
        {
            expanded.Add(term);
            if (_longForms.TryGetValue(term, out var longForm)) expanded.AddRange(longForm);
        }
        return expanded;
    }
}
