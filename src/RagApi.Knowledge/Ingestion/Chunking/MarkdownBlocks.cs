using System.Text.RegularExpressions;

namespace RagApi.Knowledge.Ingestion.Chunking;

/// <summary>A paragraph or list item under the headings that enclose it.</summary>
internal sealed record MarkdownBlock(IReadOnlyList<string> Headings, string Text);

/// <summary>Splits a Markdown body into paragraphs and list items, tracking the heading path of each.</summary>
internal static partial class MarkdownBlocks
{
    [GeneratedRegex(@"^(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*(?:[-*+]|\d+[.)])\s+")]
    private static partial Regex ListMarker();

    /// <summary>Paired emphasis and code marks, and links, reduced to their text; an unpaired "__" is text, as in "window.__x".</summary>
    [GeneratedRegex(@"\*\*(?<text>[^*]+)\*\*|(?<!\w)__(?<text>[^_]+)__(?!\w)|`(?<text>[^`]+)`|\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex InlineMarkup();

    public static IEnumerable<MarkdownBlock> Parse(string body)
    {
        var headings = new List<(int Level, string Text)>();
        var paragraph = new List<string>();

        foreach (var raw in body.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            var heading = Heading().Match(line);
            if (heading.Success || line.Length == 0 || ListMarker().IsMatch(line))
            {
                if (Flush(paragraph, headings) is { } block) yield return block;
            }
            if (heading.Success)
            {
                var level = heading.Groups[1].Length;
                headings.RemoveAll(h => h.Level >= level);
                headings.Add((level, Clean(heading.Groups[2].Value)));
            }
            else if (line.Length > 0)
            {
                paragraph.Add(ListMarker().Replace(line, ""));
            }
        }
        if (Flush(paragraph, headings) is { } last) yield return last;
    }

    private static MarkdownBlock? Flush(List<string> paragraph, List<(int Level, string Text)> headings)
    {
        if (paragraph.Count == 0) return null;
        var text = Clean(string.Join(' ', paragraph.Select(l => l.Trim())));
        paragraph.Clear();
        return text.Length == 0 ? null : new MarkdownBlock(headings.Select(h => h.Text).ToArray(), text);
    }

    private static string Clean(string text) => InlineMarkup().Replace(text, m => m.Groups["text"].Value).Trim();
}
