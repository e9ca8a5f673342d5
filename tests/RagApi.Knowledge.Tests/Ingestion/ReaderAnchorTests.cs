using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Ingestion;

/// <summary>Each reader that reads a page's own headings gives its paragraphs the anchor that opens their section there.</summary>
public sealed class ReaderAnchorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string? AnchorOf(string text) =>
        Assert.Single(Assert.Single(DocumentSourceLoader.Load(_folder.Root)).Blocks!, b => b.Text == text).Anchor;

    private static string Jats(string articleIds, string body) => $"""
        <article article-type="research-article">
          <front><journal-meta><journal-title>Test Journal</journal-title></journal-meta>
            <article-meta>{articleIds}<title-group><article-title>A trial of aspirin</article-title></title-group>
              <pub-date><year>2021</year></pub-date></article-meta></front>
          <body>{body}</body>
        </article>
        """;

    [Fact]
    public void A_web_page_heading_with_an_id_is_opened_by_its_id()
    {
        _folder.Write("p.html", "<html><body><main><h1>Stroke care</h1><h2 id=\"acute-phase\">Acute phase</h2><p>Give aspirin early.</p></main></body></html>");
        _folder.Write("p.yaml", "id: p\nkind: guideline\nurl: https://example.org/stroke\n");

        Assert.Equal("acute-phase", AnchorOf("Give aspirin early."));
    }

    [Fact]
    public void A_web_page_heading_holding_an_anchor_with_an_id_is_opened_by_that_id()
    {
        _folder.Write("p.html", "<html><body><main><h2><span id=\"Dosing\">Dosing</span></h2><p>Give 300 mg.</p></main></body></html>");
        _folder.Write("p.yaml", "id: p\nkind: guideline\n");

        Assert.Equal("Dosing", AnchorOf("Give 300 mg."));
    }

    [Fact]
    public void A_web_page_heading_without_an_id_is_opened_by_its_text()
    {
        _folder.Write("p.html", "<html><body><main><h1>Stroke care</h1><h2>Follow-up & review</h2><p>Review at six weeks.</p></main></body></html>");
        _folder.Write("p.yaml", "id: p\nkind: guideline\n");

        Assert.Equal(":~:text=Follow%2Dup%20%26%20review", AnchorOf("Review at six weeks."));
    }

    [Fact]
    public void A_pmc_jats_section_is_opened_by_its_sec_id()
    {
        _folder.Write("a.xml", Jats("<article-id pub-id-type=\"pmc\">PMC123</article-id>",
            "<sec id=\"sec2\"><title>Results</title><p>Mortality fell by a third.</p></sec>"));

        Assert.Equal("sec2", AnchorOf("Mortality fell by a third."));
    }

    [Fact]
    public void A_jats_section_repeating_an_earlier_heading_opens_at_its_enclosing_section()
    {
        _folder.Write("a.xml", Jats("<article-id pub-id-type=\"pmc\">PMC123</article-id>",
            "<sec id=\"s1\"><title>Cohort A</title><sec><title>Outcome</title><p>Deaths fell.</p></sec></sec>" +
            "<sec id=\"s2\"><title>Cohort B</title><sec><title>Outcome</title><p>Strokes fell.</p></sec></sec>"));

        Assert.Equal("s2", AnchorOf("Strokes fell."));
    }

    [Fact]
    public void A_jats_article_without_a_pmc_page_gets_no_anchor_on_its_doi_url()
    {
        _folder.Write("a.xml", Jats("<article-id pub-id-type=\"pmid\">999</article-id><article-id pub-id-type=\"doi\">10.1000/x</article-id>",
            "<sec id=\"sec2\"><title>Results</title><p>Mortality fell by a third.</p></sec>"));

        Assert.Null(AnchorOf("Mortality fell by a third."));
    }

    [Fact]
    public void A_labelled_pubmed_abstract_section_is_opened_by_its_label()
    {
        _folder.Write("p.xml", """
            <?xml version="1.0"?>
            <PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>111</PMID><Article>
            <Journal><JournalIssue><PubDate><Year>2020</Year></PubDate></JournalIssue><Title>J Test</Title></Journal>
            <ArticleTitle>A title.</ArticleTitle><Abstract>
            <AbstractText Label="BACKGROUND">Strokes are common.</AbstractText>
            <AbstractText Label="FINDINGS">Aspirin halves recurrence.</AbstractText></Abstract>
            </Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
            """);

        Assert.Equal(":~:text=FINDINGS", AnchorOf("Aspirin halves recurrence."));
    }
}
