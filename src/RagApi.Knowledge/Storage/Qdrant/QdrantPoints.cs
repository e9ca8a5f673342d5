using Qdrant.Client.Grpc;

namespace RagApi.Knowledge.Storage.Qdrant;

/// <summary>Chunks and documents as Qdrant points with their deterministic ids.</summary>
public static class QdrantPoints
{
    public static PointStruct ForChunk(IndexedChunk indexed)
    {
        var point = new PointStruct
        {
            Id = QdrantPointIds.ForChunk(indexed.Chunk.ChunkId),
            Vectors = new Dictionary<string, Vector>
            {
                [QdrantCollectionLayout.DenseVector] = indexed.Vector,
                [QdrantCollectionLayout.SparseVector] = Bm25SparseVector.ForDocument(indexed.Chunk.IndexText),
            },
        };
        point.Payload.Add(QdrantPayload.ForChunk(indexed));
        return point;
    }

    /// <summary>The document record: payload only (its metadata and content hash), no vectors, so searches never return it.</summary>
    public static PointStruct ForDocument(IndexedDocument document)
    {
        var point = new PointStruct
        {
            Id = QdrantPointIds.ForDocument(document.Metadata.Id),
            Vectors = new Vectors { Vectors_ = new NamedVectors() },
        };
        point.Payload.Add(QdrantPayload.ForDocument(document.Metadata, document.ContentHash));
        return point;
    }
}
