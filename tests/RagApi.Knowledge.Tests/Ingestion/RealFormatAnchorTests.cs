using Microsoft.Extensions.Time.Testing;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Storage;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Ingestion;

/// <summary>
/// The published JATS articles and web page of shared/data/formats, indexed into a store: a citation of a fact
/// links to the section it is under on the document's page, and to no section where the page cannot show it.
/// </summary>
public sealed class RealFormatAnchorTests : IDisposable
{
    private const string WebPage = "https://example.org/ngc/50577";

    private readonly TempStore _temp = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    private async Task<string> CitationUrlOfAsync(string documentId, string fact)
    {
        using (var folder = FormatFixtures.CopyWithSidecars())
        {
            folder.Write("html/ngc_synthesis_50577_acute_uncomplicated_diverticulitis.yaml",
                $"id: ngc-diverticulitis-synthesis\nkind: guideline\nsource: AHRQ National Guideline Clearinghouse\nyear: 2016\nurl: {WebPage}\n");
            var documents = DocumentSourceLoader.Load(Path.Combine(folder.Root, "jats")).Concat(DocumentSourceLoader.Load(Path.Combine(folder.Root, "html"))).ToList();
            var embedder = new FakeEmbedder();
            await new IndexingPipeline(_temp.Store, embedder, new Chunker(embedder), new FakeTimeProvider()).RunAsync(documents, prune: false, progress: null, _ct);
        }
        var chunk = (await _temp.Store.GetDocumentAsync(documentId, _ct))!.Chunks
            .First(c => FormatFixtures.Collapse(c.Text).Contains(fact, StringComparison.Ordinal));
        var passage = new RetrievedPassage(chunk, new PassageScores(0.8f, 3f, 0.03f));
        var sentence = chunk.Sentences.First(s => FormatFixtures.Collapse(s.Of(chunk.Text)).Contains(fact[..20], StringComparison.Ordinal));
        var answer = new AnswerAssembler(new AnswerTexts("Disclaimer.", "Nothing found."))
            .Assemble("ans_1", "Question?", "Question?", Generators.Extractive, new DraftAnswer([new DraftStatement(fact, [new Evidence(passage, sentence, 0.7f)])], []));
        return Assert.Single(answer.Citations).Url;
    }

    [Theory]
    [InlineData("PMC3363814", "ICU mortality was 49% and in-hospital mortality was 55%.", "Results")]
    [InlineData("PMC3363814", "The ICU comprises 20 beds in a medical-surgical area, 10 in a critical burns area.", "Methods")]
    [InlineData("18405359", "Internal consistency and test-retest reliability were excellent", "Results")]
    public async Task A_pmc_article_citation_opens_the_section_heading_on_the_pmc_page(string id, string fact, string heading)
    {
        var page = id == "18405359" ? "https://pmc.ncbi.nlm.nih.gov/articles/PMC2329613/" : "https://pmc.ncbi.nlm.nih.gov/articles/PMC3363814/";

        Assert.Equal($"{page}#:~:text={heading}", await CitationUrlOfAsync(id, fact));
    }

    [Fact]
    public async Task A_pmc_body_section_whose_heading_the_abstract_already_showed_links_to_the_page_without_an_anchor() =>
        Assert.Equal("https://pmc.ncbi.nlm.nih.gov/articles/PMC2329613/",
            await CitationUrlOfAsync("18405359", "The English-language Oral Health Impact Profile (OHIP-E) consists of 49 questions"));

    [Fact]
    public async Task A_web_page_citation_opens_the_heading_of_its_section() =>
        Assert.Equal($"{WebPage}#:~:text=Colonoscopy%20After%20Recovery%20from%20Acute%20Diverticulitis",
            await CitationUrlOfAsync("ngc-diverticulitis-synthesis", "In the absence of data informing the optimal timing of follow-up colonoscopy"));

    [Fact]
    public async Task A_web_page_section_without_anchor_of_its_own_opens_at_the_id_of_its_enclosing_heading()
    {
        var url = await CitationUrlOfAsync("ngc-diverticulitis-synthesis", "A direct comparison of recommendations presented in the above guidelines");

        Assert.Equal($"{WebPage}#504", url);
    }
}
