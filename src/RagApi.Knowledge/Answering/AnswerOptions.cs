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

    /// <summary>
    /// Passages retrieved per passage shown: the extractive composer chooses sentences among all of them; a model is
    /// shown <see cref="MaxPassagesPerDocument"/> per document, so that one long document cannot fill its prompt.
    /// </summary>
    [Range(1, 20)]
    public int RetrievalDepthFactor { get; init; } = 3;

    [Range(1, 50)]
    public int MaxPassagesPerDocument { get; init; } = 3;

    [Range(0.0, 1.0)]
    public float NearDuplicateSimilarity { get; init; } = 0.88f;

    [Range(1, 50)]
    public int MaxStatements { get; init; } = 8;

    /// <summary>
    /// Chosen by `ragapi-eval fit` with the inclusion threshold (mean F2 over PubMedQA, SciFact and the seed suites,
    /// 2 to 8 tried): a cap below the statement limit cut answering sentences from the one document that holds them.
    /// </summary>
    [Range(1, 50)]
    public int MaxStatementsPerDocument { get; init; } = 8;

    [Range(1, 100)]
    public int DefaultTopK { get; init; } = 8;

    [Range(1, 100)]
    public int MaxTopK { get; init; } = 20;

    [Range(0, 10)]
    public int MaxFollowUpQuestions { get; init; } = 3;
}
