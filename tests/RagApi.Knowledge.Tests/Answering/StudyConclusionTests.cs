using RagApi.Knowledge.Answering.Composing.Selection;

namespace RagApi.Knowledge.Tests.Answering;

public sealed class StudyConclusionTests
{
    [Theory]
    [InlineData("Conclusions", "Thymectomy improved clinical outcomes over three years.")]
    [InlineData("INTERPRETATION", "Thymectomy improved clinical outcomes over three years.")]
    [InlineData("Abstract", "Conclusions: Thymectomy improved clinical outcomes over three years.")]
    public void A_sentence_under_or_labelled_as_the_conclusion_is_the_studys_conclusion(string heading, string text) =>
        Assert.True(StudyConclusion.Holds(Candidates.Sentence(text, heading: heading)));

    [Theory]
    [InlineData("Results", "The time-weighted score was 6.15 versus 8.99.")]
    [InlineData("Conclusions and clinical implications", "A careful search for cancer is justified in selected patients.")]
    [InlineData("Conclusions", "Nevertheless, a careful search for cancer is justified in selected patients.")]
    public void Results_advice_and_sentences_leaning_on_the_one_before_are_not(string heading, string text) =>
        Assert.False(StudyConclusion.Holds(Candidates.Sentence(text, heading: heading)));
}
