using System.Xml;
using System.Xml.Linq;

namespace RagApi.Knowledge.Ingestion.Documents.Xml;

/// <summary>
/// Reads PubMed/MEDLINE XML (efetch output, <c>PubmedArticleSet</c>): one research document per article, id = PMID,
/// labelled abstract sections as sections, the reference built from authors, journal, year and DOI. Articles are
/// read one at a time, so a file of thousands is never held whole. An article without an abstract has nothing to
/// quote: it is left out and named.
/// </summary>
internal static class PubMedDocumentReader
{
    private static readonly HashSet<string> GuidelineTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Practice Guideline", "Guideline", "Consensus Development Conference", "Consensus Development Conference, NIH",
    };

    public static IReadOnlyList<SourceDocument> Read(string path, string display, List<DocumentProblem> problems, List<string> notes)
    {
        var documents = new List<SourceDocument>();
        using var reader = XmlFiles.Open(path);
        try
        {
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "PubmedArticle")
                {
                    var line = XmlFiles.LineOf(reader);
                    var article = (XElement)XNode.ReadFrom(reader);
                    if (ReadArticle(article, display, line, problems, notes) is { } document) documents.Add(document);
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException e)
        {
            problems.Add(new(display, e.LineNumber, $"broken XML: {e.Message}"));
        }
        if (documents.Count == 0 && problems.Count == 0 && notes.Count == 0)
            problems.Add(new(display, 1, "no PubmedArticle with an abstract in this PubmedArticleSet"));
        return documents;
    }

    private static SourceDocument? ReadArticle(XElement article, string file, int line, List<DocumentProblem> problems, List<string> notes)
    {
        var citation = article.Child("MedlineCitation");
        var pmid = XmlFiles.Text(citation.Child("PMID"));
        var body = citation.Path("Article");
        var title = XmlFiles.Text(body.Child("ArticleTitle")) is { Length: > 0 } t ? t : XmlFiles.Text(body.Child("VernacularTitle"));
        var blocks = AbstractBlocks(body, pmid.Length > 0 ? SectionAnchors.ForPage(title) : SectionAnchors.None);
        if (pmid.Length > 0 && blocks.Count == 0)
        {
            notes.Add($"{file}:{line}: PMID {pmid} has no abstract: not indexed");
            return null;
        }

        var journal = body.Child("Journal");
        var issue = journal.Child("JournalIssue");
        var year = YearOf(issue.Path("PubDate")) ?? YearOf(article.Path("MedlineCitation", "DateCompleted"));
        var doi = XmlFiles.Text(article.Path("PubmedData", "ArticleIdList").Children("ArticleId").FirstOrDefault(IsDoi))
                  is { Length: > 0 } fromIds ? fromIds : XmlFiles.Text(body.Children("ELocationID").FirstOrDefault(e => (string?)e.Attribute("EIdType") == "doi"));
        var journalTitle = XmlFiles.Text(journal.Child("Title"));
        var reference = new ReferenceCitation(
            Authors(body.Path("AuthorList")), title, XmlFiles.Text(journal.Child("ISOAbbreviation")) is { Length: > 0 } abbreviation ? abbreviation : journalTitle,
            year, XmlFiles.Text(issue.Child("Volume")), XmlFiles.Text(issue.Child("Issue")), XmlFiles.Text(body.Path("Pagination", "MedlinePgn")), doi);
        var guideline = body.Path("PublicationTypeList").Children("PublicationType").Any(p => GuidelineTypes.Contains(XmlFiles.Text(p)));

        var fields = new DocumentFields(file, line);
        fields.Set("id", pmid, line);
        fields.Set("title", title.TrimEnd('.'), line);
        fields.Set("kind", guideline ? "guideline" : "research", line);
        fields.Set("source", journalTitle, line);
        if (year is { } y) fields.Set("year", y.ToString(System.Globalization.CultureInfo.InvariantCulture), line);
        if (pmid.Length > 0) fields.Set("url", $"https://pubmed.ncbi.nlm.nih.gov/{pmid}/", line);
        fields.Set("citation", reference.ToString(), line);
        return fields.ToDocument(ExtractedText.Body(blocks), DocumentKind.Research, problems) is { } document
            ? document with { Blocks = blocks }
            : null;
    }

    /// <summary>
    /// The abstract's paragraphs under their labels; the PubMed page (the document's url) prints each label above
    /// its text, so a labelled section opens by a text fragment of its label.
    /// </summary>
    private static List<DocumentBlock> AbstractBlocks(XElement? article, SectionAnchors anchors)
    {
        var blocks = new List<DocumentBlock>();
        foreach (var abstractText in article.Path("Abstract").Children("AbstractText"))
        {
            var text = XmlFiles.Text(abstractText);
            if (text.Length == 0) continue;
            var label = ((string?)abstractText.Attribute("Label") ?? (string?)abstractText.Attribute("NlmCategory")) is { Length: > 0 } l
                        && !l.Equals("UNASSIGNED", StringComparison.OrdinalIgnoreCase) ? ExtractedText.Clean(l).TrimEnd(':').TrimEnd() : "";
            var anchor = label.Length > 0 ? anchors.Enter(label, elementId: null, enclosing: null) : null;
            anchors.Saw(text);
            blocks.Add(new DocumentBlock(label.Length > 0 ? [ExtractedText.Label(label)] : [], text, Anchor: anchor));
        }
        return blocks;
    }

    private static bool IsDoi(XElement id) => (string?)id.Attribute("IdType") == "doi";

    private static IReadOnlyList<string> Authors(XElement? list) =>
        list.Children("Author")
            .Select(a => XmlFiles.Text(a.Child("CollectiveName")) is { Length: > 0 } group
                ? group
                : ReferenceCitation.Author(XmlFiles.Text(a.Child("LastName")), XmlFiles.Text(a.Child("Initials")) is { Length: > 0 } i ? i : XmlFiles.Text(a.Child("ForeName"))))
            .Where(a => a.Length > 0)
            .ToList();

    /// <summary>A PubDate has a Year, or a MedlineDate such as "2017 Nov-Dec".</summary>
    private static int? YearOf(XElement? date)
    {
        var text = XmlFiles.Text(date.Child("Year")) is { Length: > 0 } year ? year : XmlFiles.Text(date.Child("MedlineDate"));
        return text.Length >= 4 && int.TryParse(text[..4], out var value) ? value : null;
    }
}
