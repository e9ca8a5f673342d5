using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Ingestion;

public sealed class DocumentFormatsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private DocumentProblem SingleProblem() =>
        Assert.Single(Assert.Throws<DocumentValidationException>(() => DocumentSourceLoader.Load(_folder.Root)).Problems);

    [Fact]
    public void A_folder_with_nothing_readable_is_refused_naming_what_was_skipped()
    {
        _folder.Write("a.docx", "word");
        _folder.Write("b.docx", "word");
        _folder.Write("notes.txt", "text");

        Assert.Contains("nothing readable: 3 file(s) skipped (2 .docx, 1 .txt)", SingleProblem().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_in_no_readable_format_are_named_as_skipped()
    {
        _folder.Write("a.md", TestDocuments.Markdown("a", "Text."));
        _folder.Write("slides.pptx", "binary");

        var set = DocumentSourceLoader.LoadSet(_folder.Root);

        Assert.Equal(["slides.pptx"], set.Skipped.Select(Path.GetFileName));
    }

    [Fact]
    public void An_xml_file_is_read_by_its_root_element_whatever_its_name()
    {
        _folder.Write("export.xml", PubMed("111", "<AbstractText>Aspirin lowers the risk.</AbstractText>"));

        Assert.Equal("111", Assert.Single(DocumentSourceLoader.Load(_folder.Root)).Id);
    }

    [Fact]
    public void Broken_xml_is_refused_naming_the_file_and_line()
    {
        _folder.Write("broken.xml", "<PubmedArticleSet>\n<PubmedArticle>\n<MedlineCitation>\n</PubmedArticle>\n");

        var problem = SingleProblem();

        Assert.Equal(("broken.xml", 4), (Path.GetFileName(problem.File), problem.Line));
    }

    [Fact]
    public void A_pubmed_practice_guideline_is_a_guideline()
    {
        _folder.Write("g.xml", PubMed("222", "<AbstractText>Give aspirin.</AbstractText>", "<PublicationType>Practice Guideline</PublicationType>"));

        Assert.Equal(DocumentKind.Guideline, Assert.Single(DocumentSourceLoader.Load(_folder.Root)).Kind);
    }

    [Fact]
    public void A_jats_article_in_the_jats_default_namespace_is_read_the_same()
    {
        _folder.Write("a.xml", """
            <article xmlns="https://jats.nlm.nih.gov/ns/archiving/1.2/" article-type="research-article">
              <front><journal-meta><journal-title-group><journal-title>Test Journal</journal-title></journal-title-group></journal-meta>
                <article-meta><article-id pub-id-type="pmc">PMC123</article-id><title-group><article-title>A trial</article-title></title-group>
                  <pub-date><year>2021</year></pub-date></article-meta></front>
              <body><sec><title>Results</title><p>Mortality fell by a third.</p>
                <table-wrap><table><tr><td>cell text</td></tr></table></table-wrap></sec></body>
              <back><ref-list><ref><mixed-citation>Someone. A cited paper.</mixed-citation></ref></ref-list></back>
            </article>
            """);

        var document = Assert.Single(DocumentSourceLoader.Load(_folder.Root));

        Assert.Equal(("PMC123", "Test Journal", (int?)2021, "Results", "Mortality fell by a third."),
            (document.Id, document.Source, document.Year, Assert.Single(document.Blocks!).Headings[0], document.Blocks![0].Text));
    }

    [Fact]
    public void A_web_page_with_no_content_is_refused_naming_the_file()
    {
        _folder.Write("empty.html", "<html><body><nav><a href='/'>Home</a></nav><script>x()</script><footer>(c) 2024</footer></body></html>");
        _folder.Write("empty.yaml", "id: e\nkind: guideline\n");

        var problem = SingleProblem();

        Assert.Equal(("empty.html", true), (Path.GetFileName(problem.File), problem.Message.StartsWith("no content", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_web_page_reads_its_main_part_with_headings_as_sections()
    {
        _folder.Write("p.html", """
            <html><head><title>Page title</title></head><body><header>Site banner</header>
            <main><h1>Stroke care</h1><h2>Acute phase</h2><p>Give <strong>aspirin</strong> early.</p><ul><li><a href="/x">Share</a></li></ul></main>
            <footer>Footer text</footer></body></html>
            """);
        _folder.Write("p.yaml", "id: p\nkind: guideline\n");

        var document = Assert.Single(DocumentSourceLoader.Load(_folder.Root));

        Assert.Equal(("Stroke care", "Stroke care > Acute phase: Give aspirin early."),
            (document.Title, string.Join(" | ", document.Blocks!.Select(b => $"{string.Join(" > ", b.Headings)}: {b.Text}"))));
    }

    private static string PubMed(string pmid, string abstractText, string types = "") => $"""
        <?xml version="1.0"?>
        <PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>{pmid}</PMID><Article>
        <Journal><JournalIssue><PubDate><Year>2020</Year></PubDate></JournalIssue><Title>J Test</Title></Journal>
        <ArticleTitle>A title.</ArticleTitle><Abstract>{abstractText}</Abstract><PublicationTypeList>{types}</PublicationTypeList>
        </Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
        """;
}
