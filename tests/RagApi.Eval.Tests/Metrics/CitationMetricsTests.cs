using RagApi.Eval.Metrics;
using RagApi.Eval.Tests.Support;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Testing;

namespace RagApi.Eval.Tests.Metrics;

public sealed class CitationMetricsTests
{
    private static readonly HashSet<string> Expected = ["lems-guideline", "lems-trial"];

    [Fact]
    public void Precision_is_the_share_of_citations_pointing_at_an_expected_source()
    {
        var citations = new[] { SampleAnswers.Citation(1, "lems-guideline"), SampleAnswers.Citation(2, "other"), SampleAnswers.Citation(3, "lems-guideline"), SampleAnswers.Citation(4, "other") };

        Assert.Equal(0.5, CitationMetrics.Precision(citations, Expected));
    }

    [Fact]
    public void Recall_is_the_share_of_expected_sources_cited_at_least_once()
    {
        var citations = new[] { SampleAnswers.Citation(1, "lems-guideline"), SampleAnswers.Citation(2, "lems-guideline") };

        Assert.Equal(0.5, CitationMetrics.Recall(citations, Expected));
    }

    [Fact]
    public void Precision_of_an_answer_citing_nothing_does_not_apply()
    {
        Assert.Null(CitationMetrics.Precision([], Expected));
    }

    [Fact]
    public void A_phrase_counts_when_a_cited_passage_contains_it_whatever_its_case_and_spacing()
    {
        var citations = new[] { SampleAnswers.Citation(1, "d", passage: "3,4-Diaminopyridine is the\nrecommended symptomatic treatment.") };

        var found = CitationMetrics.PhrasesFound(citations, ["3,4-diaminopyridine is the recommended", "azathioprine"]);

        Assert.Equal(["3,4-diaminopyridine is the recommended"], found);
    }

    [Fact]
    public void A_fact_only_in_a_cited_passage_is_found_in_the_passages_but_not_stated()
    {
        var answer = SampleAnswers.Valid() with { Citations = [SampleAnswers.Citation(1, "lems-guideline", passage: "DAP improves strength. Azathioprine spares steroids.")] };

        Assert.Equal((1, 0), (CitationMetrics.PhrasesFound(answer.Citations, ["azathioprine"]).Count, CitationMetrics.PhrasesStated(answer, ["azathioprine"]).Count));
    }

    [Fact]
    public void A_fact_in_the_lead_counts_as_stated()
    {
        var answer = SampleAnswers.Valid() with { Lead = new AnswerStatement("Amifampridine  is first-line.", [1]) };

        Assert.Equal(["amifampridine is FIRST-line"], CitationMetrics.PhrasesStated(answer, ["amifampridine is FIRST-line"]));
    }

    [Fact]
    public void A_fact_in_a_statement_counts_as_stated()
    {
        Assert.Equal(["IVIg helps"], CitationMetrics.PhrasesStated(SampleAnswers.Valid(), ["IVIg helps", "plasma exchange"]));
    }
}
