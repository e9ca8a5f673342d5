using Qdrant.Client.Grpc;
using RagApi.Knowledge.Ingestion.Documents;
using static Qdrant.Client.Grpc.Conditions;

namespace RagApi.Knowledge.Storage.Qdrant;

/// <summary>The same <see cref="SearchFilters"/> as the embedded store, as Qdrant payload conditions on indexed fields.</summary>
internal static class QdrantFilters
{
    public static Filter ForChunks(SearchFilters filters)
    {
        var filter = new Filter { Must = { MatchKeyword(QdrantPayload.Record, QdrantPayload.ChunkRecord) } };
        if (filters.Kinds is { Count: > 0 } kinds)
            filter.Must.Add(Match(QdrantPayload.Kind, kinds.Select(k => k.ToName()).Distinct().ToList()));
        if (filters.DocumentIds is { Count: > 0 } ids)
            filter.Must.Add(Match(QdrantPayload.DocumentId, ids.Distinct(StringComparer.Ordinal).ToList()));
        if (filters.YearFrom is { } yearFrom)
            filter.Must.Add(Range(QdrantPayload.Year, new global::Qdrant.Client.Grpc.Range { Gte = yearFrom }));
        return filter;
    }

    public static Filter ChunksOf(string documentId) => new()
    {
        Must = { MatchKeyword(QdrantPayload.Record, QdrantPayload.ChunkRecord), MatchKeyword(QdrantPayload.DocumentId, documentId) },
    };

    public static Filter Documents() => MatchKeyword(QdrantPayload.Record, QdrantPayload.DocumentRecord);

    /// <summary>A document's chunk points other than the ones just written: what a shorter new version leaves behind.</summary>
    public static Filter StaleChunksOf(string documentId, IReadOnlyList<Guid> current)
    {
        var filter = ChunksOf(documentId);
        if (current.Count > 0) filter.MustNot.Add(HasId(current));
        return filter;
    }

    /// <summary>Every point (chunks and the document record) of these documents.</summary>
    public static Filter AllOf(IReadOnlyCollection<string> documentIds) =>
        Match(QdrantPayload.DocumentId, documentIds.Distinct(StringComparer.Ordinal).ToList());
}
