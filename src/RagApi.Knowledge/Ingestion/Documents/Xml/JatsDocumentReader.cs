using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace RagApi.Knowledge.Ingestion.Documents.Xml;

/// <summary>
/// Reads a PMC JATS (NLM) article, with or without the JATS default namespace: the abstract's and the body's
/// sections and paragraphs, title, journal, year and DOI; id = PMID, else the PMCID. Reference lists, tables and
/// figures are left out of the text (their markup would become passages nobody can quote sensibly).
/// </summary>
internal static class JatsDocumentReader
{
    private static readonly HashSet<string> LeftOut = new(StringComparer.Ordinal)
    {
        "table-wrap", "table", "fig", "fig-group", "ref-list", "graphic", "media", "supplementary-material",
        "disp-formula", "inline-formula", "alternatives", "table-wrap-foot",
    };

    private static readonly HashSet<string> GuidelineTypes = new(StringComparer.OrdinalIgnoreCase) { "practice-guideline", "guideline" };

    public static SourceDocument? Read(string path, string display, List<DocumentProblem> problems)
    {
        XElement root;
        try
        {
            using var reader = XmlFiles.Open(path);
            root = XElement.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            problems.Add(new(display, e.LineNumber, $"broken XML: {e.Message}"));
            return null;
        }
        var article = root.Name.LocalName == "article" ? root : root.DescendantsNamed("article").FirstOrDefault();
        if (article is null)
        {
            problems.Add(new(display, 1, $"no JATS <article> in <{root.Name.LocalName}>"));
            return null;
        }
        foreach (var node in article.Descendants().Where(e => LeftOut.Contains(e.Name.LocalName)).ToList()) node.Remove();

        var meta = article.Path("front", "article-meta");
        string Id(string type) => XmlFiles.Text(meta.Children("article-id").FirstOrDefault(i => (string?)i.Attribute("pub-id-type") == type));
        var pmid = Id("pmid");
        var pmc = Id("pmc") is { Length: > 0 } p ? (p.StartsWith("PMC", StringComparison.OrdinalIgnoreCase) ? p.ToUpperInvariant() : $"PMC{p}") : "";
        var doi = Id("doi");
        var title = XmlFiles.Text(meta.Path("title-group", "article-title"));

        // PMC's article page shows these sections under their JATS ids; a DOI or PubMed url is another page.
        var anchors = pmc.Length > 0 ? SectionAnchors.ForPage(title) : SectionAnchors.None;
        var blocks = new List<DocumentBlock>();
        var abstractElement = meta.Children("abstract").FirstOrDefault(a => a.Attribute("abstract-type") is null) ?? meta.Child("abstract");
        if (abstractElement is not null)
        {
            // "Abstract" is our heading, not the file's: only the element's own id may open it.
            var abstractAnchor = anchors.Enter("", (string?)abstractElement.Attribute("id"), null);
            AddSection(abstractElement, new Section(["Abstract"], abstractAnchor), anchors, blocks);
        }
        if (article.Child("body") is { } body) AddSection(body, new Section([], null), anchors, blocks);
        if (blocks.Count == 0)
        {
            problems.Add(new(display, XmlFiles.LineOf(article), "the article has no abstract or body paragraphs"));
            return null;
        }

        var journalMeta = article.Path("front", "journal-meta");
        var journal = XmlFiles.Text(journalMeta.Path("journal-title-group", "journal-title")) is { Length: > 0 } j ? j : XmlFiles.Text(journalMeta.Child("journal-title"));
        var abbreviation = XmlFiles.Text(journalMeta.Children("journal-id").FirstOrDefault(i => (string?)i.Attribute("journal-id-type") is "iso-abbrev" or "nlm-ta"));
        var year = meta.Children("pub-date").Select(d => XmlFiles.Text(d.Child("year"))).FirstOrDefault(y => y.Length == 4);
        var pages = XmlFiles.Text(meta.Child("fpage")) is { Length: > 0 } first
            ? (XmlFiles.Text(meta.Child("lpage")) is { Length: > 0 } last && last != first ? $"{first}-{last}" : first)
            : XmlFiles.Text(meta.Child("elocation-id"));
        var authors = meta.Children("contrib-group").SelectMany(g => g.Children("contrib"))
            .Where(c => (string?)c.Attribute("contrib-type") is null or "author")
            .Select(c => c.Child("name") is { } name
                ? ReferenceCitation.Author(XmlFiles.Text(name.Child("surname")), XmlFiles.Text(name.Child("given-names")))
                : XmlFiles.Text(c.Child("collab")))
            .Where(a => a.Length > 0).ToList();
        var reference = new ReferenceCitation(authors, title, abbreviation.Length > 0 ? abbreviation : journal,
            year is null ? null : int.Parse(year, CultureInfo.InvariantCulture),
            XmlFiles.Text(meta.Child("volume")), XmlFiles.Text(meta.Child("issue")), pages, doi);

        var line = XmlFiles.LineOf(article);
        var fields = new DocumentFields(display, line);
        fields.Set("id", pmid.Length > 0 ? pmid : pmc, line);
        fields.Set("title", title, line);
        fields.Set("kind", GuidelineTypes.Contains((string?)article.Attribute("article-type") ?? "") ? "guideline" : "research", line);
        fields.Set("source", journal, line);
        if (year is not null) fields.Set("year", year, line);
        fields.Set("url", pmc.Length > 0 ? $"https://pmc.ncbi.nlm.nih.gov/articles/{pmc}/"
            : doi.Length > 0 ? $"https://doi.org/{doi}"
            : pmid.Length > 0 ? $"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" : "", line);
        fields.Set("citation", reference.ToString(), line);
        return fields.ToDocument(ExtractedText.Body(blocks), DocumentKind.Research, problems) is { } document
            ? document with { Blocks = blocks }
            : null;
    }

    /// <summary>The titles of the sections enclosing a paragraph, and the anchor that opens the innermost one that has one.</summary>
    private sealed record Section(IReadOnlyList<string> Headings, string? Anchor);

    /// <summary>Paragraphs of a section in document order, each under the titles of the sections enclosing it.</summary>
    private static void AddSection(XElement element, Section section, SectionAnchors anchors, List<DocumentBlock> blocks)
    {
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "sec":
                    var title = XmlFiles.Text(child.Child("title"));
                    var inner = title.Length > 0
                        ? new Section([.. section.Headings, ExtractedText.Label(title)], anchors.Enter(title, (string?)child.Attribute("id"), section.Anchor))
                        : section;
                    AddSection(child, inner, anchors, blocks);
                    break;
                case "p":
                    AddParagraph(child, section, anchors, blocks);
                    if (child.Elements().Any(e => e.Name.LocalName is "list" or "p")) AddSection(child, section, anchors, blocks);
                    break;
                case "list":
                    foreach (var item in child.Children("list-item")) AddSection(item, section, anchors, blocks);
                    break;
                case "boxed-text" or "disp-quote" or "list-item":
                    AddSection(child, section, anchors, blocks);
                    break;
            }
        }
    }

    private static void AddParagraph(XElement paragraph, Section section, SectionAnchors anchors, List<DocumentBlock> blocks)
    {
        // A paragraph holding a list is read as its own text plus the list's items, each once.
        var own = new XElement(paragraph);
        foreach (var nested in own.Elements().Where(e => e.Name.LocalName is "list" or "p").ToList()) nested.Remove();
        var text = XmlFiles.Text(own);
        anchors.Saw(text);
        if (text.Length > 0) blocks.Add(new DocumentBlock(section.Headings, text, Anchor: section.Anchor));
    }
}
