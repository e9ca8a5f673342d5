using RagApi.Knowledge.Answering.Composing.Selection;

namespace RagApi.Knowledge.Tests.Answering;

public sealed class SourceDescriptionTests
{
    [Theory]
    [InlineData("The European Atherosclerosis Society (EAS) Consensus Panel statement gives guidance on the assessment, causes and management of statin-associated muscle symptoms.")]
    [InlineData("The Gold Coast criteria for amyotrophic lateral sclerosis (ALS) were developed at an international consensus meeting held in 2019.")]
    [InlineData("Objective: To determine whether tailored interventions increase mammography use.")]
    [InlineData("We aimed to assess the safety of double balloon enteroscopy in a community setting.")]
    [InlineData("Methods: A total of 123 dysphonic individuals with benign vocal pathologies were recruited.")]
    public void A_sentence_saying_what_its_source_covers_or_sets_out_to_do_describes_the_source(string sentence) =>
        Assert.True(SourceDescription.Describes(sentence));

    [Theory]
    [InlineData("For patients with statin-associated muscle symptoms, the EAS panel recommends using the highest statin dose the patient can tolerate.")]
    [InlineData("The consensus describes cancer cachexia as a continuum with three stages: precachexia, cachexia and refractory cachexia.")]
    [InlineData("In the MGTX trial, thymectomy improved clinical outcomes over three years.")]
    [InlineData("We found that 3,4-diaminopyridine improved muscle strength.")]
    public void A_sentence_stating_a_finding_or_a_definition_does_not(string sentence) =>
        Assert.False(SourceDescription.Describes(sentence));

    [Fact]
    public void A_question_naming_the_sources_kind_asks_about_the_source() =>
        Assert.True(SourceDescription.IsAskedAbout("What did the 2020 update of the international myasthenia gravis guidance add?"));

    [Fact]
    public void A_clinical_question_does_not_ask_about_a_source() =>
        Assert.False(SourceDescription.IsAskedAbout("How should statin-associated muscle symptoms be managed?"));
}
