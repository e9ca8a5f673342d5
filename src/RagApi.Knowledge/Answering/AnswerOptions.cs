using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;
namespace RagApi.Knowledge.Answering;

public sealed record AnswerOptions
{
    /// <summary>
    /// Below this cosine between the question and its best sentence, the corpus has nothing to say.
    /// Calibrated on the seed corpus: see README, "Relevance threshold".
    /// </summary>
    public float RelevanceThreshold { get; init; } = 0.45f;

    /// <summary>How much a sentence's own similarity counts against its passage's.</summary>
    public float SentenceWeight { get; init; } = 0.5f;

    /// <summary>Passages retrieved per passage kept, so that one long document cannot fill the answer.</summary>
    public int RetrievalDepthFactor { get; init; } = 3;

    public int MaxPassagesPerDocument { get; init; } = 3;

    /// <summary>A statement must be at least this fraction as relevant as the best one.</summary>
    public float RelativeFloor { get; init; } = 0.80f;

    public float NearDuplicateSimilarity { get; init; } = 0.88f;

    public float TermOverlapWeight { get; init; } = 0.25f;

    public float PassageRankWeight { get; init; } = 0.10f;

    public int MaxStatements { get; init; } = 8;

    public int MaxStatementsPerDocument { get; init; } = 3;

    public int DefaultTopK { get; init; } = 8;

    public int MaxTopK { get; init; } = 20;

    public int MaxFollowUpQuestions { get; init; } = 3;
}
