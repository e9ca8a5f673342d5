using System.ComponentModel.DataAnnotations;

using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;
namespace RagApi.Knowledge.Answering;

public sealed record AnswerOptions
{
    public const string Section = "Answers";

    /// <summary>
    /// Below this cosine between the question and its best sentence, the corpus has nothing to say.
    /// Calibrated on the seed corpus: see README, "Relevance threshold".
    /// </summary>
    [Range(0.0, 1.0)]
    public float RelevanceThreshold { get; init; } = 0.45f;

    /// <summary>How much a sentence's own similarity counts against its passage's.</summary>
    [Range(0.0, 1.0)]
    public float SentenceWeight { get; init; } = 0.5f;

    /// <summary>Passages retrieved per passage kept, so that one long document cannot fill the answer.</summary>
    [Range(1, 20)]
    public int RetrievalDepthFactor { get; init; } = 3;

    [Range(1, 50)]
    public int MaxPassagesPerDocument { get; init; } = 3;

    /// <summary>A statement must be at least this fraction as relevant as the best one.</summary>
    [Range(0.0, 1.0)]
    public float RelativeFloor { get; init; } = 0.80f;

    [Range(0.0, 1.0)]
    public float NearDuplicateSimilarity { get; init; } = 0.88f;

    [Range(0.0, 10.0)]
    public float TermOverlapWeight { get; init; } = 0.25f;

    [Range(0.0, 10.0)]
    public float PassageRankWeight { get; init; } = 0.10f;

    [Range(1, 50)]
    public int MaxStatements { get; init; } = 8;

    [Range(1, 50)]
    public int MaxStatementsPerDocument { get; init; } = 3;

    [Range(1, 100)]
    public int DefaultTopK { get; init; } = 8;

    [Range(1, 100)]
    public int MaxTopK { get; init; } = 20;

    [Range(0, 10)]
    public int MaxFollowUpQuestions { get; init; } = 3;
}
