using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Ingestion;

public sealed class SectionAnchorsTests
{
    [Fact]
    public void A_heading_with_an_element_id_opens_at_the_id_even_when_its_text_repeats()
    {
        var anchors = SectionAnchors.ForPage("Results of a trial");

        Assert.Equal("sec3", anchors.Enter("Results", "sec3", enclosing: null));
    }

    [Fact]
    public void A_heading_whose_text_the_page_showed_before_gets_no_text_fragment()
    {
        var anchors = SectionAnchors.ForPage("A title");
        anchors.Enter("Results", elementId: null, enclosing: null);

        Assert.Null(anchors.Enter("Results", elementId: null, enclosing: null));
    }

    [Fact]
    public void A_heading_found_in_an_earlier_paragraph_gets_no_text_fragment()
    {
        var anchors = SectionAnchors.ForPage("A title");
        anchors.Saw("The methods of the trial are given below.");

        Assert.Null(anchors.Enter("Methods", elementId: null, enclosing: null));
    }

    [Fact]
    public void A_section_that_cannot_be_found_by_text_opens_at_its_enclosing_section() =>
        Assert.Equal("504", SectionAnchors.ForPage("Results").Enter("Results", elementId: null, enclosing: "504"));

    [Fact]
    public void A_heading_seen_for_the_first_time_becomes_a_text_fragment() =>
        Assert.Equal(":~:text=Recurrence%20Prevention", SectionAnchors.ForPage("A title").Enter("Recurrence Prevention", elementId: null, enclosing: null));

    [Fact]
    public void A_url_that_is_not_the_headings_page_gets_no_anchor() =>
        Assert.Null(SectionAnchors.None.Enter("Results", "sec3", enclosing: null));

    [Fact]
    public void A_markdown_documents_headings_are_ours_so_its_chunks_have_no_anchor()
    {
        using var folder = new TempFolder();
        folder.Write("g.md", TestDocuments.Markdown("g", "# Treatment\n\nAmifampridine is first-line.\n\n## Screening\n\nScreen with CT of the chest.", "guideline"));

        var chunks = new Chunker(new FakeEmbedder()).Chunk(Assert.Single(DocumentSourceLoader.Load(folder.Root)));

        Assert.All(chunks, c => Assert.Null(c.Anchor));
    }

    [Fact]
    public void A_jsonl_documents_chunks_have_no_anchor()
    {
        using var folder = new TempFolder();
        folder.Write("corpus.jsonl", "{\"_id\": \"j1\", \"title\": \"Results\", \"text\": \"Screen with CT of the chest.\"}\n");

        var chunks = new Chunker(new FakeEmbedder()).Chunk(Assert.Single(DocumentSourceLoader.Load(folder.Root)));

        Assert.All(chunks, c => Assert.Null(c.Anchor));
    }
}
