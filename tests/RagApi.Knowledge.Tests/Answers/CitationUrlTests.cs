using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Ingestion.Documents;

namespace RagApi.Knowledge.Tests.Answers;

public sealed class CitationUrlTests
{
    private const string Page = "https://pmc.ncbi.nlm.nih.gov/articles/PMC2329613/";

    [Fact]
    public void A_section_with_the_sources_element_id_opens_at_that_element() =>
        Assert.Equal(Page + "#sec2-3", CitationUrl.For(Page, page: null, SectionAnchor.ElementId("sec2-3")));

    [Fact]
    public void A_heading_becomes_a_text_fragment_with_its_ampersand_and_spaces_percent_encoded() =>
        Assert.Equal(Page + "#:~:text=Results%20%26%20discussion", CitationUrl.For(Page, page: null, SectionAnchor.TextFragment("Results & discussion")));

    [Fact]
    public void A_heading_keeps_its_dashes_and_commas_out_of_the_text_fragment_syntax() =>
        Assert.Equal(":~:text=Follow%2Dup%2C%20dosing", SectionAnchor.TextFragment("Follow-up, dosing"));

    [Fact]
    public void A_heading_outside_ascii_is_encoded_as_utf8() =>
        Assert.Equal(":~:text=Sj%C3%B6gren%20syndrome", SectionAnchor.TextFragment("Sjögren syndrome"));

    [Fact]
    public void A_citation_without_an_anchor_keeps_the_documents_url() =>
        Assert.Equal("https://example.org/guide#top", CitationUrl.For("https://example.org/guide#top", page: null, anchor: null));

    [Fact]
    public void A_section_anchor_replaces_a_fragment_the_url_already_had() =>
        Assert.Equal("https://example.org/guide#504", CitationUrl.For("https://example.org/guide#top", page: null, "504"));

    [Fact]
    public void A_pdf_page_opens_the_page_even_when_the_chunk_has_an_anchor() =>
        Assert.Equal("https://example.org/g.pdf#page=3", CitationUrl.For("https://example.org/g.pdf", page: 3, "sec1"));

    [Fact]
    public void A_document_without_a_url_gets_no_anchor() =>
        Assert.Equal("", CitationUrl.For("", page: null, "sec1"));
}
