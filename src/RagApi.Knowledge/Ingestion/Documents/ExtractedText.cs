using System.Text;
using System.Text.RegularExpressions;

namespace RagApi.Knowledge.Ingestion.Documents;

/// <summary>
/// Text taken out of PDF, HTML and XML, made fit to quote: ligature glyphs spelled out (so "ﬁrst" matches
/// "first"), control characters (bullets that extract as U+0001) dropped, whitespace collapsed.
/// </summary>
internal static partial class ExtractedText
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\uFB00': builder.Append("ff"); break;
                case '\uFB01': builder.Append("fi"); break;
                case '\uFB02': builder.Append("fl"); break;
                case '\uFB03': builder.Append("ffi"); break;
                case '\uFB04': builder.Append("ffl"); break;
                case '\uFB05' or '\uFB06': builder.Append("st"); break;
                case '\u00AD': break; // soft hyphen
                default:
                    if (char.IsControl(c) && !char.IsWhiteSpace(c)) builder.Append(' ');
                    else builder.Append(c);
                    break;
            }
        }
        return Whitespace().Replace(builder.ToString(), " ").Trim();
    }

    /// <summary>The blocks as Markdown, so the content hash changes when any heading or paragraph does.</summary>
    public static string Body(IEnumerable<DocumentBlock> blocks)
    {
        var body = new StringBuilder();
        IReadOnlyList<string> headings = [];
        foreach (var block in blocks)
        {
            if (!block.Headings.SequenceEqual(headings))
            {
                headings = block.Headings;
                body.Append("# ").AppendJoin(" > ", headings).Append("\n\n");
            }
            body.Append(block.Text).Append("\n\n");
        }
        return body.ToString().Trim();
    }

    /// <summary>"RESULTS" reads as "Results"; labels already in mixed case are kept.</summary>
    public static string Label(string label)
    {
        var clean = Clean(label).TrimEnd(':').Trim();
        if (clean.Length < 2 || clean.Any(char.IsLower)) return clean;
        return char.ToUpperInvariant(clean[0]) + clean[1..].ToLowerInvariant();
    }
}
