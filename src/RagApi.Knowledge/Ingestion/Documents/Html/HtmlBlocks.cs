using System.Text;
using AngleSharp.Dom;

namespace RagApi.Knowledge.Ingestion.Documents.Html;

/// <summary>
/// Walks an element in document order: runs of text and inline markup become one paragraph, every block element
/// (paragraph, list item, table cell, div) ends the paragraph before it, and h1-h6 set the heading path. A run
/// that is only link text ("Share", "View Summary", a menu) is navigation, not content, and is dropped. Each
/// block carries its section's anchor on the page: the heading's id (or an id inside it), else its text.
/// </summary>
internal static class HtmlBlocks
{
    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp",
        "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "font", "acronym", "tt", "del", "ins",
    };

    public static IReadOnlyList<DocumentBlock> Of(IElement root)
    {
        var walk = new Walk();
        walk.Visit(root);
        walk.Flush();
        return walk.Blocks;
    }

    private sealed class Walk
    {
        private readonly List<(int Level, string Text, string? Anchor)> _headings = [];
        private readonly SectionAnchors _anchors = SectionAnchors.ForPage();
        private readonly StringBuilder _text = new();
        private bool _hasOwnText;

        public List<DocumentBlock> Blocks { get; } = [];

        public void Visit(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    _text.Append(text.Data);
                    _hasOwnText |= !string.IsNullOrWhiteSpace(text.Data);
                }
                else if (child is IElement element) VisitElement(element);
            }
        }

        private void VisitElement(IElement element)
        {
            var name = element.LocalName;
            if (name == "br") { _text.Append(' '); return; }
            if (Inline.Contains(name) && !HasBlockInside(element))
            {
                _text.Append(element.TextContent);
                _hasOwnText |= name != "a" && !string.IsNullOrWhiteSpace(element.TextContent);
                return;
            }
            Flush();
            if (name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6')
            {
                var heading = ExtractedText.Clean(element.TextContent);
                if (heading.Length == 0) return;
                var level = name[1] - '0';
                _headings.RemoveAll(h => h.Level >= level);
                _headings.Add((level, heading, _anchors.Enter(heading, ElementIdOf(element), _headings.Count > 0 ? _headings[^1].Anchor : null)));
                return;
            }
            Visit(element);
            Flush();
        }

        public void Flush()
        {
            var text = ExtractedText.Clean(_text.ToString());
            var linksOnly = !_hasOwnText;
            _text.Clear();
            _hasOwnText = false;
            _anchors.Saw(text);
            if (text.Length > 0 && !linksOnly)
                Blocks.Add(new DocumentBlock(_headings.Select(h => h.Text).ToArray(), text, Anchor: _headings.Count > 0 ? _headings[^1].Anchor : null));
        }

        /// <summary>A heading's own id, or the id (or legacy name) of an anchor inside it, as wikis and CMSs write them.</summary>
        private static string? ElementIdOf(IElement heading) =>
            heading.Id is { Length: > 0 } id ? id
            : heading.QuerySelector("[id]")?.Id is { Length: > 0 } inner ? inner
            : heading.QuerySelector("a[name]")?.GetAttribute("name");

        private static bool HasBlockInside(IElement element) => element.Descendants<IElement>().Any(e => !Inline.Contains(e.LocalName) && e.LocalName != "br");
    }
}
