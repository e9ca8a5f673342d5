using System.Globalization;
using System.Text.RegularExpressions;

namespace RagApi.Knowledge.Answering.Composing;

/// <summary>
/// Rewrites the citation styles models drift into, <c>[1, 2]</c>, <c>[1-3]</c>, <c>[1][2]</c>, <c>【1】</c>,
/// <c>(1)</c>, <c>^1</c>, <c>[^1]</c>, <c>[Passage 1]</c>, into the one form <c>[1,2,3]</c> and reads the numbers.
/// A number too large for any passage list (e.g. a 10-digit one) is kept as out of range, never parsed into an overflow.
/// </summary>
public static partial class CitationMarkers
{
    /// <summary>More than this many passages is never sent, so a larger number cannot be one of ours.</summary>
    public const int OutOfRange = int.MaxValue;

    private const int MaxRangeLength = 20;

    private const string Number = @"\d{1,12}";

    private const string SmallNumber = @"\d{1,3}";

    private const string SmallNumberList = SmallNumber + @"(?:\s*[,;]\s*" + SmallNumber + @")*";

    private const string NumberList = Number + @"(?:\s*(?:[,;&]|-|–|—|\band\b|\bto\b)\s*(?:passages?\s*)?" + Number + @")*";

    [GeneratedRegex(@"【\s*(?:passages?\s*)?(" + NumberList + @")\s*】", RegexOptions.IgnoreCase)]
    private static partial Regex Lenticular();

    [GeneratedRegex(@"\[\s*(?:\^|passages?\s*|sources?\s*|doc(?:ument)?s?\s*)(" + NumberList + @")\s*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Labelled();

    // (1) counts only where a citation sits: before a full stop, a comma, another marker or the end of the line,
    // so "two options: (1) IVIg and (2) plasma exchange" keeps its enumeration.
    [GeneratedRegex(@"\s*\((" + SmallNumberList + @")\)(?=\s*(?:[.,;:!?\[(]|$))", RegexOptions.IgnoreCase)]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"(?<![\d\w])\^(" + NumberList + @")|(?<=[\p{L}.,;)])\^(" + NumberList + ")")]
    private static partial Regex Caret();

    [GeneratedRegex(@"\[\s*(" + NumberList + @")\s*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Bracketed();

    public static string Normalise(string text)
    {
        text = Lenticular().Replace(text, m => Marker(m.Groups[1].Value));
        text = Labelled().Replace(text, m => Marker(m.Groups[1].Value));
        text = Parenthesised().Replace(text, m => " " + Marker(m.Groups[1].Value));
        text = Caret().Replace(text, m => " " + Marker(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value));
        return text;
    }

    /// <summary>The numbers of every bracketed marker in already normalised text, ranges expanded.</summary>
    public static IReadOnlyList<int> NumbersIn(string text) =>
        Bracketed().Matches(text).SelectMany(m => NumbersOf(m.Groups[1].Value)).Distinct().ToList();

    public static string Remove(string text) => Bracketed().Replace(text, "");

    public static Regex Pattern => Bracketed();

    private static string Marker(string list) => $"[{string.Join(",", NumbersOf(list).Select(n => n == OutOfRange ? "0" : n.ToString(CultureInfo.InvariantCulture)))}]";

    private static IEnumerable<int> NumbersOf(string list)
    {
        var parts = Regex.Split(list.ToLowerInvariant().Replace("passages", "").Replace("passage", ""), @"\s*(?:[,;&]|\band\b)\s*");
        foreach (var part in parts.Where(p => p.Trim().Length > 0))
        {
            var range = Regex.Split(part.Trim(), @"\s*(?:-|–|—|\bto\b)\s*");
            if (range.Length == 2 && Parse(range[0]) is var from && Parse(range[1]) is var to
                && from != OutOfRange && to != OutOfRange && to >= from && to - from < MaxRangeLength)
            {
                for (var n = from; n <= to; n++) yield return n;
                continue;
            }
            foreach (var single in range) yield return Parse(single);
        }
    }

    private static int Parse(string digits) =>
        int.TryParse(digits.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : OutOfRange;
}
