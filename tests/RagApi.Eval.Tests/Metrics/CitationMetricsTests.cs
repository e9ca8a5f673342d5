using RagApi.Eval.Metrics;
using RagApi.Eval.Tests.Support;
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
}
