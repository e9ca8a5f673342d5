using RagApi.Knowledge.Storage;

namespace RagApi.Eval.Targets;

/// <summary>A passage of a /v1/search answer as the evaluation reads it: where it comes from and how it scored (the store's own scores).</summary>
public sealed record SearchedPassage(string DocumentId, string ChunkId, PassageScores Scores);
