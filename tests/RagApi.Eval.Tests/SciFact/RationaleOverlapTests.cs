using RagApi.Eval.SciFact;
using RagApi.Eval.Tests.Support;

namespace RagApi.Eval.Tests.SciFact;

public sealed class RationaleOverlapTests
{
    private const string Passage = "VGCC antibodies cause LEMS. They reduce acetylcholine release. Amifampridine helps.";

    [Fact]
    public void A_quote_of_the_rationale_sentence_overlaps_it()
    {
        Assert.True(RationaleOverlap.Overlaps(Passage, "They reduce acetylcholine release.", "They reduce acetylcholine release."));
    }

    [Fact]
    public void A_quote_of_another_sentence_of_the_same_passage_does_not()
    {
        Assert.False(RationaleOverlap.Overlaps(Passage, "Amifampridine helps.", "VGCC antibodies cause LEMS."));
    }

    [Fact]
    public void A_quote_spanning_part_of_the_rationale_sentence_overlaps_it()
    {
        Assert.True(RationaleOverlap.Overlaps(Passage, "LEMS. They reduce", "They reduce acetylcholine release."));
    }

    [Fact]
    public void A_rationale_sentence_outside_the_passage_overlaps_only_a_quote_it_contains()
    {
        Assert.Equal((true, false), (RationaleOverlap.Overlaps(Passage, "Amifampridine helps.", "Amifampridine   helps. It is licensed."),
            RationaleOverlap.Overlaps(Passage, "Amifampridine helps.", "Pyridostigmine is weaker.")));
    }

    [Fact]
    public void A_citation_of_another_abstract_does_not_quote_the_rationale()
    {
        var citation = SampleAnswers.Citation(1, "other", passage: Passage, quote: "Amifampridine helps.");

        Assert.False(RationaleOverlap.Quotes(citation, new Rationale("101", "SUPPORT", ["Amifampridine helps."])));
    }
}
