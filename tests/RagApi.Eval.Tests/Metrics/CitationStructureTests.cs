using RagApi.Eval.Metrics;
using RagApi.Eval.Tests.Support;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;
using RagApi.Testing;

namespace RagApi.Eval.Tests.Metrics;

public sealed class CitationStructureTests
{
    [Fact]
    public void A_well_formed_answer_has_no_structural_problem()
    {
        Assert.Empty(CitationStructure.Problems(SampleAnswers.Valid()));
    }

    [Fact]
    public void A_refusal_that_cites_nothing_is_valid()
    {
        Assert.Empty(CitationStructure.Problems(SampleAnswers.Refusal()));
    }

    [Fact]
    public void A_marker_without_a_citation_is_reported()
    {
        var answer = SampleAnswers.Valid() with { Answer = SampleAnswers.Valid().Answer.Replace("too. [2]", "too. [2][3]") };

        Assert.Contains("Marker [3] resolves to no citation.", CitationStructure.Problems(answer));
    }

    [Fact]
    public void A_statement_marker_without_a_citation_is_reported()
    {
        var answer = SampleAnswers.Valid() with { Sections = [new AnswerSection("From the Guidelines", [new AnswerStatement("x", [1, 2, 4])])] };

        Assert.Contains("Marker [4] resolves to no citation.", CitationStructure.Problems(answer));
    }

    [Fact]
    public void Numbers_with_a_gap_are_reported()
    {
        var valid = SampleAnswers.Valid();
        var answer = valid with { Citations = [valid.Citations[0], valid.Citations[1] with { Number = 3 }], Answer = valid.Answer.Replace("[2]", "[3]") };

        Assert.Contains(CitationStructure.Problems(answer), p => p.Contains("without gaps", StringComparison.Ordinal));
    }

    [Fact]
    public void Numbers_out_of_first_appearance_order_are_reported()
    {
        var valid = SampleAnswers.Valid();
        var answer = valid with { Answer = valid.Answer.Replace("strength. [1]", "strength. [2]").Replace("too. [2]", "too. [1]") };

        Assert.Contains(CitationStructure.Problems(answer), p => p.Contains("first appearance", StringComparison.Ordinal));
    }

    [Fact]
    public void A_citation_the_answer_never_uses_is_reported()
    {
        var valid = SampleAnswers.Valid();
        var answer = valid with { Answer = valid.Answer.Replace(" [2]", "") };

        Assert.Contains("Citation 2 is never used in the answer.", CitationStructure.Problems(answer));
    }

    [Fact]
    public void A_quote_that_is_not_verbatim_in_its_passage_is_reported()
    {
        var valid = SampleAnswers.Valid();
        var answer = valid with { Citations = [valid.Citations[0] with { Quote = "DAP improves muscle strength." }, valid.Citations[1]] };

        Assert.Contains("Citation 1's quote is not verbatim in its passage.", CitationStructure.Problems(answer));
    }

    [Fact]
    public void A_refusal_that_cites_a_source_is_reported()
    {
        var answer = SampleAnswers.Valid() with { InsufficientEvidence = true };

        Assert.Contains("An insufficient-evidence answer cites sources.", CitationStructure.Problems(answer));
    }

    [Fact]
    public void The_disclaimer_must_end_the_answer_and_match_the_expected_text()
    {
        var valid = SampleAnswers.Valid();

        Assert.Equal((true, false, false), (
            CitationStructure.HasDisclaimer(valid, SampleAnswers.Disclaimer),
            CitationStructure.HasDisclaimer(valid with { Answer = valid.Answer.Replace(SampleAnswers.Disclaimer, "") }, SampleAnswers.Disclaimer),
            CitationStructure.HasDisclaimer(valid, "Another disclaimer.")));
    }

    [Fact]
    public void A_lead_citing_the_first_citation_is_valid()
    {
        var answer = SampleAnswers.Make(
            "DAP improves strength. [1]\n\n### From the Guidelines\n\n- IVIg helps too. [2]\n\n---\n\n" + SampleAnswers.Disclaimer,
            [new AnswerStatement("IVIg helps too.", [2])],
            [SampleAnswers.Citation(1, "lems-guideline"), SampleAnswers.Citation(2, "lems-review", quote: "IVIg helps too.")]) with { Lead = new AnswerStatement("DAP improves strength.", [1]) };

        Assert.Empty(CitationStructure.Problems(answer));
    }

    [Fact]
    public void A_citation_in_the_markdown_that_no_statement_cites_is_reported()
    {
        var answer = SampleAnswers.Valid() with { Sections = [new AnswerSection("From the Guidelines", [new AnswerStatement("DAP improves strength.", [1])])] };

        Assert.Contains("Citation 2 is cited by no statement (lead or sections).", CitationStructure.Problems(answer));
    }
}
