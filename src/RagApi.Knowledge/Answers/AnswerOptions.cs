namespace RagApi.Knowledge.Answers;

public sealed record AnswerOptions
{
    /// <summary>
    /// Below this cosine between the question and its best sentence, the corpus has nothing to say.
    /// Calibrated on the seed corpus: see README, "Relevance threshold".
    /// </summary>
    public float RelevanceThreshold { get; init; } = 0.40f;

    /// <summary>A statement must be at least this fraction as relevant as the best one.</summary>
    public float RelativeFloor { get; init; } = 0.70f;

    public float NearDuplicateSimilarity { get; init; } = 0.88f;

    public float TermOverlapWeight { get; init; } = 0.25f;

    public float PassageRankWeight { get; init; } = 0.10f;

    public int MaxStatements { get; init; } = 8;

    public int MaxStatementsPerDocument { get; init; } = 3;

    public int DefaultTopK { get; init; } = 8;

    public int MaxTopK { get; init; } = 20;

    public int MaxFollowUpQuestions { get; init; } = 3;
}
