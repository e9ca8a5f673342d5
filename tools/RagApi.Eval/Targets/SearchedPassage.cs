namespace RagApi.Eval.Targets;

/// <summary>A passage of a /v1/search answer as the evaluation reads it: where it comes from and how it scored.</summary>
public sealed record SearchedPassage(string DocumentId, string ChunkId, SearchedScores Scores);

/// <summary>Cosine (dense) and BM25 (lexical) scores when the passage was a candidate of that ranking; fused is RRF.</summary>
public sealed record SearchedScores(float? Dense, float? Lexical, float Fused);
