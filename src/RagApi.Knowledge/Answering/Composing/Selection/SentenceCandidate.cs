using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Answering.Composing.Selection;

/// <summary>A sentence of a retrieved passage that could become a statement, with what was measured about it.</summary>
public sealed record SentenceCandidate(
    RetrievedPassage Passage,
    int PassageRank,
    TextSpan Span,
    string Text,
    float[] Vector,
    double[] Features,
    bool NeedsNeighbours)
{
    /// <summary>The aspect the sentence speaks to (its section heading, then the aspects asked, break ties).</summary>
    public Aspect? AspectFor(IReadOnlyList<Aspect> asked) => QuestionAspects.Of(Text, Passage.Chunk.SectionPath.Split(" > ")[^1], asked);

    public float SentenceCosine => (float)Features[0];

    /// <summary>The "aspect in sentence" feature: how strongly the sentence speaks to the aspects asked (<see cref="QuestionAspects.Strength(IReadOnlyList{Aspect}, string)"/>).</summary>
    public float AspectStrength => (float)Features[8];

    /// <summary>The mean of the sentence's and its passage's cosine to the question: what the relevance threshold is calibrated on.</summary>
    public float Relevance => (float)(Features[0] + Features[1]) / 2;

    /// <summary>The fitted model's score; set once the model has scored it.</summary>
    public double Score { get; init; }
}
