using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Composing.Selection;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Tests.Answering;

public sealed class StatementSelectionTests
{
    private static SentenceCandidate Sentence(string documentId, string text, int axis)
    {
        var metadata = new DocumentMetadata(documentId, "Neuromuscular complications of cancer", DocumentKind.Research, "Neurol Clin", 2003, "", "");
        var chunk = new Chunk(Chunk.IdFor(documentId, 0), 0, "Neuromuscular complications of cancer > Scope", text, SentenceSplitter.Split(text), metadata);
        var vector = new float[4];
        vector[axis] = 1;
        return new SentenceCandidate(new RetrievedPassage(chunk, new PassageScores(0.6f, 1f, 0.03f)), 0, chunk.Sentences[0], text, vector, [], false);
    }

    [Fact]
    public void A_sentence_adding_only_framing_words_to_what_was_said_is_left_out()
    {
        var ranked = new[]
        {
            Sentence("a", "The most frequent neuromuscular complication in cancer is axonal polyneuropathy.", 0),
            Sentence("b", "Neuromuscular complications are common in people with cancer.", 1),
        };

        var groups = StatementSelection.Select(ranked, TextAnalyzer.Terms("What is the etiology of muscle weakness in cancer?"), _ => true, new AnswerOptions());

        Assert.Single(groups);
    }
}
