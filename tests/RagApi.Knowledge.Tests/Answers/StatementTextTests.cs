using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Knowledge.Tests.Answers;

public sealed class StatementTextTests
{
    [Theory]
    [InlineData("VGCC antibodies are found in most patients [12].", "VGCC antibodies are found in most patients.")]
    [InlineData("Amifampridine helps [3, 4].", "Amifampridine helps.")]
    [InlineData("Amifampridine helps [3,4] in LEMS [5-7].", "Amifampridine helps in LEMS.")]
    [InlineData("Amifampridine helps [ 3 – 5 ].", "Amifampridine helps.")]
    [InlineData("[1] Amifampridine helps.", "Amifampridine helps.")]
    public void Clean_RemovesSourceReferenceMarkers(string sentence, string cleaned)
    {
        Assert.Equal(cleaned, StatementText.Clean(sentence));
    }

    [Theory]
    [InlineData("Class [A] evidence supports it.")]
    [InlineData("Doses of 10 mg (range 5-20) are used.")]
    public void Clean_KeepsBracketsThatAreNotReferenceMarkers(string sentence)
    {
        Assert.Equal(sentence, StatementText.Clean(sentence));
    }

    [Theory]
    [InlineData("Treatment")]
    [InlineData("Key points and summary")]
    [InlineData("Amifampridine")]
    public void IsStatement_HeadingLikeFragment_IsNot(string fragment)
    {
        Assert.False(StatementText.IsStatement(fragment));
    }

    [Fact]
    public void IsStatement_FullSentence_Is()
    {
        Assert.True(StatementText.IsStatement("Amifampridine is the preferred symptomatic drug."));
    }

    [Theory]
    [InlineData("The authors drew a parallel with Lambert-Eaton myasthenic syndrome.")]
    [InlineData("This study reviewed 200 patients with paraneoplastic syndromes.")]
    [InlineData("These patients were treated with amifampridine.")]
    [InlineData("They had a more rapidly progressive course.")]
    [InlineData("Of these, 60% had small-cell lung cancer.")]
    [InlineData("In this cohort, most antibodies were against P/Q-type channels.")]
    [InlineData("Such patients should be screened every six months.")]
    [InlineData("It is caused by antibodies against voltage-gated calcium channels.")]
    [InlineData("Moreover, these patients improved with IVIg.")]
    [InlineData("In contrast, the DELTA-P score predicted no tumour.")]
    [InlineData("Similarly, the response to IVIg was short-lived.")]
    [InlineData("The response rates are shown in Table 2 for each group.")]
    [InlineData("\u201CThese cases are rare,\u201D the panel wrote.")]
    [InlineData("Blocking these channels reduces the calcium-dependent release of acetylcholine.")]
    [InlineData("In 115 of these 198 patients the cancer was diagnosed after the dermatomyositis.")]
    [InlineData("The syndrome was first recognised in the 1950s.")]
    [InlineData("The disease is caused by antibodies against the postsynaptic membrane.")]
    [InlineData("After that, screening should be repeated every 6 months for up to 4 years.")]
    [InlineData("Then the dose is tapered over several weeks.")]
    [InlineData("The shorter 2-year screening period applies to LEMS.")]
    [InlineData("In both conditions, the excess cancer risk was greatest in the first year.")]
    [InlineData("The second and third criteria allow cachexia to be recognised at a smaller weight loss.")]
    public void StandsAlone_SentenceThatPointsAtItsNeighbours_DoesNot(string sentence)
    {
        Assert.False(StatementText.StandsAlone(sentence));
    }

    [Theory]
    [InlineData("3,4-diaminopyridine is the recommended symptomatic treatment of LEMS.")]
    [InlineData("It is recommended that patients with LEMS are screened for SCLC.")]
    [InlineData("It should be considered to repeat the CT every six months.")]
    [InlineData("Both IVIg and plasma exchange shorten the course of Guillain-Barre syndrome.")]
    [InlineData("However, corticosteroids alone are not effective in Guillain-Barre syndrome.")]
    [InlineData("Thus, GATA-3 is required for the maintenance of haematopoietic stem cells.")]
    [InlineData("In contrast to other antibodies, 10E8 did not bind phospholipids.")]
    [InlineData("These findings suggest that autophagy deficiency promotes fibrosis.")]
    [InlineData("We found that VGCC antibodies were present in 85% of patients.")]
    [InlineData("Thymectomy improved outcomes in non-thymomatous myasthenia gravis.")]
    [InlineData("Patients with LEMS and those with myasthenia gravis differ in their reflexes.")]
    [InlineData("The second most common cause of paraneoplastic weakness is dermatomyositis.")]
    [InlineData("The lower limit of normal for creatine kinase differs between laboratories.")]
    [InlineData("Then-current guidance recommended thymectomy.")]
    public void StandsAlone_SentenceThatSaysItsOwnSubject_Does(string sentence)
    {
        Assert.True(StatementText.StandsAlone(sentence));
    }
}
