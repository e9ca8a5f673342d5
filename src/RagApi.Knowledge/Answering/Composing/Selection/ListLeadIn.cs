using System.Text.RegularExpressions;

namespace RagApi.Knowledge.Answering.Composing.Selection;

/// <summary>What the line that introduces a list says about the list.</summary>
public static partial class ListLeadIn
{
    [GeneratedRegex(@"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Count();

    private static readonly string[] Words = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    /// <summary>
    /// How many items the lead-in announces: its last count ("any one of three criteria is met:" is three, "definite
    /// PNS can be reached in four ways:" four), or null when it names none from two to <paramref name="most"/>.
    /// </summary>
    public static int? AnnouncedItems(string leadIn, int most)
    {
        var matches = Count().Matches(leadIn);
        if (matches.Count == 0) return null;
        var word = matches[^1].Value;
        var count = int.TryParse(word, out var digits) ? digits : Array.FindIndex(Words, w => w.Equals(word, StringComparison.OrdinalIgnoreCase)) + 2;
        return count >= 2 && count <= most ? count : null;
    }
}
