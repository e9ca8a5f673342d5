using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Ingestion;

/// <summary>Published files nobody on this project wrote: each fact is found on its page or under its section.</summary>
public sealed class RealFormatsTests
{
    private static readonly Lazy<IReadOnlyList<SourceDocument>> Documents = new(() =>
    {
        using var folder = FormatFixtures.CopyWithSidecars();
        return DocumentSourceLoader.Load(folder.Root);
    });

    private static IReadOnlyList<SourceDocument> Load()
    {
        if (FormatFixtures.Folder is null) Assert.Skip("The format test files (shared/data/formats) are not on this machine.");
        return Documents.Value;
    }

    private static DocumentBlock BlockHolding(string documentId, string fact)
    {
        var document = Load().Single(d => d.Id == documentId);
        return Assert.Single(document.Blocks!, b => FormatFixtures.Collapse(b.Text).Contains(fact, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tully-2010-heart-failure", 1, "While hospitalisations for most other cardiovascular conditions have remained static or decreased over the past number of decades, hospitalisations for heart failure have increased threefold [5].")]
    [InlineData("tully-2010-heart-failure", 2, "Fifteen participants took part, seven from the rural hospital and eight from the urban hospital.")]
    [InlineData("tully-2010-heart-failure", 4, "Three or four nurses ran each programme and were present consistently when participants attended.")]
    [InlineData("tully-2010-heart-failure", 4, "In both hospitals a pharmacist is available as part of the multidisciplinary team to give patients advice and answer any questions that may arise.")]
    [InlineData("agyeman-duah-2014-malawi", 1, "Human resource shortages, staff attitudes and shortage of equipment were identified as major constraints to patient care, and the running of the Medical Department.")]
    [InlineData("agyeman-duah-2014-malawi", 2, "The Medical Department has a bed capacity of 117 and the entire KCH has over 1000 beds in total.")]
    [InlineData("agyeman-duah-2014-malawi", 4, "The Medical Department OPD II recorded a total of 1015 patients, with 437 males and 578 females in June 2010")]
    [InlineData("agyeman-duah-2014-malawi", 7, "In this survey, however, 64% of the 95 respondents to that question indicated that they are self-referrals to the KCH Medical Department (Figure 1).")]
    public void A_pdf_fact_is_read_whole_on_the_page_it_is_printed_on(string documentId, int page, string fact) =>
        Assert.Equal(page, BlockHolding(documentId, fact).Page);

    [Theory]
    [InlineData("While hospitalisations for most other", "1. Introduction")]
    [InlineData("Fifteen participants took part", "2. Methods")]
    [InlineData("Three or four nurses ran each programme", "8. Quality of Care")]
    [InlineData("In both hospitals a pharmacist is available", "10. Medication")]
    public void A_pdf_heading_told_by_its_font_is_the_section_of_the_text_under_it(string fact, string heading) =>
        Assert.Equal(heading, BlockHolding("tully-2010-heart-failure", fact).Headings[^1]);

    // BMC sets its headings in faces whose names do not say bold: sections in a bold face, sub-sections in a
    // sans face a little smaller than the body, and the abstract's labels run in at the start of each paragraph.
    // "Document review and participatory observations" is printed in the same face as "Results", so it is a
    // section of its own, not one under Results.
    [Theory]
    [InlineData("Human resource shortages, staff attitudes and shortage of equipment", "Abstract > Results")]
    [InlineData("The Medical Department has a bed capacity of 117", "Methods > Setting")]
    [InlineData("The Medical Department OPD II recorded a total of 1015 patients", "Document review and participatory observations > Patient flow and care")]
    [InlineData("In this survey, however, 64% of the 95 respondents", "Discussion > Patient flow, statistics and care")]
    [InlineData("bottlenecks in the department. Out of the 82 respondents", "Results > Structured patient interviews")] // after "Three options:" in the body face
    [InlineData("This study identified profound deficiencies in the system", "Discussion")] // a table's caption is not a section
    public void A_pdf_heading_told_by_its_face_or_run_in_is_the_section_path_of_the_text_under_it(string fact, string path) =>
        Assert.Equal(path, string.Join(" > ", BlockHolding("agyeman-duah-2014-malawi", fact).Headings));

    [Fact]
    public void A_pdf_whose_reference_heading_is_set_small_still_loses_its_reference_list() =>
        Assert.DoesNotContain(Load().Single(d => d.Id == "agyeman-duah-2014-malawi").Blocks!, b => b.Text.Contains("Ovretveit J, Serouri A", StringComparison.Ordinal));

    [Fact]
    public void A_pdf_loses_its_running_heads_page_numbers_and_reference_list()
    {
        var text = string.Join('\n', Load().Single(d => d.Id == "tully-2010-heart-failure").Blocks!.Select(b => b.Text));

        Assert.Equal((false, false), (text.Contains("Rehabilitation Research and Practice 3", StringComparison.Ordinal), text.Contains("Shattuck lecture", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_pdf_counts_its_pages() =>
        Assert.Equal(6, Load().Single(d => d.Id == "tully-2010-heart-failure").Pages);

    [Theory]
    [InlineData("28786991", "Results", "Fifteen studies conducted in 10 US states met inclusion criteria.")]
    [InlineData("28786991", "Conclusions", "We observed high attrition throughout the care cascade in FBP participating in LTBI community-based TTT studies.")]
    [InlineData("29768149", "Methods", "We conducted a 52-week, double-blind trial involving patients 12 years of age or older with mild asthma.")]
    [InlineData("29768149", "Conclusions", "Exacerbation rates with the two budesonide-containing regimens were similar and were lower than the rate with terbutaline.")]
    public void A_pubmed_abstract_section_is_the_section_of_its_text(string pmid, string section, string fact) =>
        Assert.Equal([section], BlockHolding(pmid, fact).Headings);

    [Fact]
    public void An_unlabelled_pubmed_abstract_has_no_section_of_its_own() =>
        Assert.Empty(BlockHolding("36400559", "A biopsychosocial approach to back pain provides the best clinical framework.").Headings);

    [Fact]
    public void A_pubmed_article_becomes_a_research_document_cited_by_authors_journal_year_and_doi()
    {
        var document = Load().Single(d => d.Id == "28786991");

        Assert.Equal(
            (DocumentKind.Research, (int?)2017, "https://pubmed.ncbi.nlm.nih.gov/28786991/", true),
            (document.Kind, document.Year, document.Url, document.Citation.EndsWith("PLoS One. 2017;12(8):e0180707. doi:10.1371/journal.pone.0180707", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_pubmed_article_without_an_abstract_is_left_out() =>
        Assert.DoesNotContain(Load(), d => d.Id == "11446611");

    [Theory]
    [InlineData("18405359", "Methods > Oral Health Impact Profile", "The English-language Oral Health Impact Profile (OHIP-E) consists of 49 questions that are conceptually categorized according to Locker's model [1].")]
    [InlineData("18405359", "Abstract > Results", "Internal consistency and test-retest reliability were excellent (Cronbach's alpha = 0.82 – 0.97; ICC = 0.78 – 0.90).")]
    [InlineData("PMC3363814", "Methods", "The ICU comprises 20 beds in a medical-surgical area, 10 in a critical burns area.")]
    [InlineData("PMC3363814", "Results", "ICU mortality was 49% and in-hospital mortality was 55%.")]
    public void A_jats_section_path_is_the_section_of_its_paragraphs(string id, string path, string fact) =>
        Assert.Equal(path, string.Join(" > ", BlockHolding(id, fact).Headings));

    [Fact]
    public void A_jats_article_leaves_its_reference_list_out()
    {
        var document = Load().Single(d => d.Id == "18405359");

        Assert.Equal(("BMC Oral Health", (int?)2008, "https://pmc.ncbi.nlm.nih.gov/articles/PMC2329613/", false),
            (document.Source, document.Year, document.Url, document.Body.Contains("Locker D. Measuring oral health", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Areas of Agreement and Difference > Areas of Agreement > Colonoscopy After Recovery from Acute Diverticulitis",
        "In the absence of data informing the optimal timing of follow-up colonoscopy, both AGAI and ASCRS agree that 6 to 8 weeks following resolution of the acute episode is an appropriate and commonly followed interval.")]
    [InlineData("Areas of Agreement and Difference > Areas of Agreement > Recurrence Prevention",
        "AGAI makes a Strong recommendation against the use of mesalamine after acute uncomplicated diverticulitis.")]
    public void A_web_page_heading_path_is_the_section_of_its_paragraphs(string path, string fact) =>
        Assert.EndsWith(path, string.Join(" > ", BlockHolding("ngc-diverticulitis-synthesis", fact).Headings), StringComparison.Ordinal);

    [Fact]
    public void A_web_page_keeps_its_main_content_only()
    {
        var document = Load().Single(d => d.Id == "ngc-diverticulitis-synthesis");

        Assert.Equal(("Management of Acute Uncomplicated Diverticulitis", false, false),
            (document.Title, document.Body.Contains("Facebook", StringComparison.Ordinal), document.Body.Contains("About NGC Guideline Syntheses", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_pdf_chunk_keeps_to_one_page_and_knows_it()
    {
        var document = Load().Single(d => d.Id == "tully-2010-heart-failure");
        var chunks = new Chunker(new FakeEmbedder()).Chunk(document);

        Assert.All(chunks, c => Assert.Contains(document.Blocks!, b => b.Page == c.Page && b.Text.Contains(c.Sentence(c.Sentences.Count - 1), StringComparison.Ordinal)));
    }
}
