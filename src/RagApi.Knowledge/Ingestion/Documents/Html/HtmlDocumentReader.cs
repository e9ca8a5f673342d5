using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace RagApi.Knowledge.Ingestion.Documents.Html;

/// <summary>
/// Reads a web page's main content (<c>main</c>, <c>[role=main]</c> or <c>article</c>, else the body) without
/// navigation, banners, forms, scripts, sidebars or footers; headings become section paths. Metadata comes from
/// a sidecar (see <see cref="SidecarMetadata"/>); the title defaults to the page's first heading or its title.
/// </summary>
internal static class HtmlDocumentReader
{
    private const string Boilerplate =
        "nav, header, footer, aside, script, style, noscript, template, form, iframe, svg, button, select, input, textarea, " +
        "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=search], " +
        ".aside, .sidebar, .breadcrumb, .breadcrumbs, .skip-link";

    private static readonly string[] Required = ["id", "kind"];

    public static SourceDocument? Read(string path, string display, List<DocumentProblem> problems)
    {
        var fields = SidecarMetadata.For(path, display, problems);
        if (fields is null || !fields.Require(Required, SidecarMetadata.Hint(path), problems)) return null;

        using var stream = File.OpenRead(path);
        var page = new HtmlParser().ParseDocument(stream);
        var main = page.QuerySelector("main") ?? page.QuerySelector("[role=main]") ?? page.QuerySelector("article") ?? page.Body;
        if (main is null)
        {
            problems.Add(new(display, 1, "no <body>: not an HTML page"));
            return null;
        }
        foreach (var element in main.QuerySelectorAll(Boilerplate).ToList()) element.Remove();

        var blocks = HtmlBlocks.Of(main);
        if (blocks.Count == 0)
        {
            problems.Add(new(display, 1, "no content: the page's main part has no paragraphs once navigation, scripts and footers are removed"));
            return null;
        }
        fields.SetDefault("title", ExtractedText.Clean(main.QuerySelector("h1")?.TextContent) is { Length: > 0 } heading ? heading : ExtractedText.Clean(page.Title));
        return fields.ToDocument(ExtractedText.Body(blocks), defaultKind: null, problems) is { } document
            ? document with { Blocks = blocks }
            : null;
    }
}
