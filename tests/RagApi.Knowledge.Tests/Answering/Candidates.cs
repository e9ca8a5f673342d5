using RagApi.Knowledge.Answering.Composing.Selection;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Tests.Answering;

/// <summary>Candidate sentences made by hand, for rules that read a sentence's text, section and vector.</summary>
internal static class Candidates
{
    /// <param name="vector">Unit vectors on different axes never read as near duplicates.</param>
    public static SentenceCandidate Sentence(string text, string documentId = "study", string heading = "Results", float[]? vector = null)
    {
        var metadata = new DocumentMetadata(documentId, "A study", DocumentKind.Research, "Neurology", 2000, "", "");
        var chunk = new Chunk(Chunk.IdFor(documentId, 0), 0, $"A study > {heading}", text, SentenceSplitter.Split(text), metadata);
        return new SentenceCandidate(new RetrievedPassage(chunk, new PassageScores(0.6f, 1f, 0.03f)), 0, chunk.Sentences[0], text, vector ?? [], [], false);
    }
}
