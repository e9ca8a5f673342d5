using RagApi.Eval.BioAsq;
using RagApi.Eval.Tests.Support;
using RagApi.Testing;

namespace RagApi.Eval.Tests.BioAsq;

public sealed class BioAsqRunnerTests
{
    private const string Questions = """
        {"questions": [{"id": "55031181e9bde69634000014", "type": "factoid", "body": "How is LEMS treated?",
          "documents": ["http://www.ncbi.nlm.nih.gov/pubmed/lems-guideline"],
          "snippets": [{"document": "http://www.ncbi.nlm.nih.gov/pubmed/lems-guideline", "text": "In short, DAP improves strength. It was well tolerated.",
                        "offsetInBeginSection": 10, "offsetInEndSection": 59, "beginSection": "abstract", "endSection": "abstract"}]}]}
        """;

    [Fact]
    public void Pubmed_urls_become_the_pmids_a_pubmed_store_uses()
    {
        Assert.Equal("15858239", BioAsqDataset.DocumentId("http://www.ncbi.nlm.nih.gov/pubmed/15858239"));
    }

    [Fact]
    public void A_question_without_a_body_is_refused_naming_its_position()
    {
        using var folder = new TempFolder();
        var path = folder.Write("bad.json", """{"questions": [{"id": "x"}]}""");

        var error = Assert.Throws<InvalidDataException>(() => BioAsqDataset.Read(path));

        Assert.Contains("questions[0]: \"body\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_is_scored_at_document_and_sentence_level()
    {
        using var folder = new TempFolder();
        var question = BioAsqDataset.Read(folder.Write("q.json", Questions)).Single();
        var runner = new BioAsqRunner(new FakeTarget(SampleAnswers.Valid(), ["lems-guideline", "other"]));

        var r = await runner.RunAsync(question, TestContext.Current.CancellationToken);

        // Two citations: lems-guideline (its quote inside the gold snippet) and lems-review (not gold).
        Assert.Equal(((double?)1, (double?)0.5, (double?)0.5, (double?)1), (r.GoldDocumentCited, r.CitationPrecision, r.QuoteInGoldSnippet, r.Ndcg10));
    }
}
