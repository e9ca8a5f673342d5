using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Knowledge.Storage;

public enum SearchMode
{
    Hybrid,
    Dense,
    Lexical,
}

public sealed record SearchFilters(
    IReadOnlyList<DocumentKind>? Kinds = null,
    IReadOnlyList<string>? DocumentIds = null,
    int? YearFrom = null)
{
    public static readonly SearchFilters None = new();

    public bool Admits(DocumentMetadata document) =>
        (Kinds is not { Count: > 0 } || Kinds.Contains(document.Kind)) &&
        (DocumentIds is not { Count: > 0 } || DocumentIds.Contains(document.Id, StringComparer.Ordinal)) &&
        (YearFrom is null || document.Year >= YearFrom);
}

public sealed record PassageQuery(string Text, float[] Vector, SearchFilters Filters, int TopK, SearchMode Mode = SearchMode.Hybrid);

/// <summary>Dense is the cosine, lexical the BM25 score, fused the reciprocal-rank fusion of both ranks.</summary>
public sealed record PassageScores(float? Dense, float? Lexical, float Fused);

public sealed record RetrievedPassage(Chunk Chunk, PassageScores Scores);
