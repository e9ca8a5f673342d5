using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Tests.Answers;

public sealed class FollowUpQuestionsTests
{
    private const string LemsTitle = "Lambert-Eaton myasthenic syndrome: from clinical characteristics to therapeutic strategies";

    private static RetrievedPassage Section(string documentId, string title, string heading, int ordinal,
        string text = "Voltage-gated calcium channel antibodies are found in most patients with LEMS.")
    {
        var metadata = new DocumentMetadata(documentId, title, DocumentKind.Research, "Lancet Neurol", 2011, "", "");
        return new RetrievedPassage(new Chunk(Chunk.IdFor(documentId, ordinal), ordinal, $"{title} > {heading}", text, SentenceSplitter.Split(text), metadata),
            new PassageScores(0.7f, 2f, 0.03f));
    }

    private static readonly RetrievedPassage Treatment = Section("lems", LemsTitle, "Treatment", 0);
    private static readonly RetrievedPassage Diagnosis = Section("lems", LemsTitle, "Diagnosis and staging", 1);
    private static readonly RetrievedPassage Prognosis = Section("lems", LemsTitle, "Prognosis", 2);
    private static readonly RetrievedPassage Background = Section("lems", LemsTitle, "Background", 3);
    private static readonly RetrievedPassage Uncited = Section("gbs", "Guillain-Barre syndrome", "Epidemiology", 0);

    private static DraftStatement CitingSentenceOf(RetrievedPassage passage) =>
        new(passage.Chunk.Sentence(0), [new Evidence(passage, passage.Chunk.Sentences[0], 0.7f)]);

    private static IReadOnlyList<string> Suggest(string? question, int max = 3) =>
        FollowUpQuestions.FromSections([Treatment, Diagnosis, Prognosis, Background, Uncited], [CitingSentenceOf(Treatment)], max, question);

    [Fact]
    public void FromSections_AsksAboutTheQuestionsSubjectOnTheCitedDocumentsOtherAspects()
    {
        Assert.Equal(["How is Lambert-Eaton myasthenic syndrome diagnosed?", "What is the prognosis of Lambert-Eaton myasthenic syndrome?"],
            Suggest("How is Lambert-Eaton myasthenic syndrome treated?"));
    }

    [Fact]
    public void FromSections_NeverNamesADocumentTitle()
    {
        Assert.All(Suggest("How is Lambert-Eaton myasthenic syndrome treated?"), q => Assert.DoesNotContain("clinical characteristics", q));
    }

    [Fact]
    public void FromSections_AspectTheQuestionAskedAbout_IsNotSuggestedAgain()
    {
        Assert.DoesNotContain("How is LEMS diagnosed?", Suggest("Which tests diagnose LEMS?"));
    }

    [Fact]
    public void FromSections_AspectTheAnswerDrewOn_IsNotSuggested()
    {
        Assert.DoesNotContain("How is LEMS treated?", Suggest("What antibodies cause LEMS?"));
    }

    [Fact]
    public void FromSections_AspectOfADocumentTheAnswerDoesNotCite_IsNotSuggested()
    {
        Assert.DoesNotContain("How common is LEMS?", Suggest("What antibodies cause LEMS?"));
    }

    [Fact]
    public void FromSections_SectionNamingNoClinicalAspect_IsNotSuggested()
    {
        Assert.Equal(["How is LEMS diagnosed?", "What is the prognosis of LEMS?"], Suggest("What antibodies cause LEMS?"));
    }

    [Fact]
    public void FromSections_AsksAboutTheConditionTheQuestionNames_NotTheWordsAroundIt()
    {
        Assert.Equal(["How is LEMS diagnosed?", "What is the prognosis of LEMS?"],
            Suggest("For how long should patients with LEMS be screened for small-cell lung cancer?"));
    }

    [Fact]
    public void FromSections_QuestionNamingNoConditionTheSourcesPrint_GetsNoSuggestion()
    {
        Assert.Empty(Suggest("How strongly do amifampridine side effects limit the dose?"));
    }

    [Fact]
    public void FromSections_KeepsTheQuestionsQualifierOfAConditionTheSourcesName()
    {
        const string title = "Neuromuscular complications of cancer";
        var cause = Section("nmc", title, "Paraneoplastic syndromes", 0, "Muscle weakness in cancer can be paraneoplastic.");
        var treatment = Section("nmc", title, "Treatment", 1, "Treating the tumour can improve the weakness.");

        Assert.Equal(["How is paraneoplastic muscle weakness treated?"],
            FollowUpQuestions.FromSections([cause, treatment], [CitingSentenceOf(cause)], 3, "What is the etiology of paraneoplastic (related to cancer) muscle weakness?"));
    }

    [Fact]
    public void FromSections_TakesAtMostTheMaximum()
    {
        Assert.Single(Suggest("What antibodies cause LEMS?", max: 1));
    }

    [Fact]
    public void FromSections_WithoutAQuestion_TakesTheSubjectFromTheBestCitedTitleBeforeItsColon()
    {
        Assert.Equal("How is Lambert-Eaton myasthenic syndrome diagnosed?", Suggest(null)[0]);
    }

    [Fact]
    public void FromSections_NothingCited_SuggestsNothing()
    {
        Assert.Empty(FollowUpQuestions.FromSections([Treatment, Diagnosis], [], 3, "How is LEMS treated?"));
    }
}
