using RagApi.Knowledge.Answering.Composing.Selection;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Tests.Answering;

public sealed class StudyConclusionTests
{
    private static SentenceCandidate Sentence(string heading, string text)
    {
        var metadata = new DocumentMetadata("trial", "A randomised trial", DocumentKind.Research, "Neurology", 2000, "", "");
        var chunk = new Chunk(Chunk.IdFor("trial", 0), 0, $"A randomised trial > {heading}", text, SentenceSplitter.Split(text), metadata);
        return new SentenceCandidate(new RetrievedPassage(chunk, new PassageScores(0.6f, 1f, 0.03f)), 0, chunk.Sentences[0], text, [], [], false);
    }

    [Theory]
    [InlineData("Conclusions", "Thymectomy improved clinical outcomes over three years.")]
    [InlineData("INTERPRETATION", "Thymectomy improved clinical outcomes over three years.")]
    [InlineData("Abstract", "Conclusions: Thymectomy improved clinical outcomes over three years.")]
    public void A_sentence_under_or_labelled_as_the_conclusion_is_the_studys_conclusion(string heading, string text) =>
        Assert.True(StudyConclusion.Holds(Sentence(heading, text)));

    [Theory]
    [InlineData("Results", "The time-weighted score was 6.15 versus 8.99.")]
    [InlineData("Conclusions and clinical implications", "A careful search for cancer is justified in selected patients.")]
    [InlineData("Conclusions", "Nevertheless, a careful search for cancer is justified in selected patients.")]
    public void Results_advice_and_sentences_leaning_on_the_one_before_are_not(string heading, string text) =>
        Assert.False(StudyConclusion.Holds(Sentence(heading, text)));
}
