using Google.Protobuf;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Storage.Qdrant;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Store.Qdrant;

public sealed class QdrantPayloadTests
{
    private static readonly IndexedChunkFixture Indexed = new();

    /// <summary>The payload as it comes back from Qdrant: serialised and parsed, as over the wire.</summary>
    private static MapField<string, Value> OverTheWire(PointStruct point) => PointStruct.Parser.ParseFrom(point.ToByteArray()).Payload;

    [Fact]
    public void ChunkPayload_RoundTripsTheChunkExactly()
    {
        var chunk = Indexed.Document.Chunks[1];

        var read = QdrantPayload.ReadChunk(OverTheWire(QdrantPoints.ForChunk(chunk)));

        Assert.Equal(
            (chunk.Chunk.ChunkId, chunk.Chunk.Ordinal, chunk.Chunk.SectionPath, chunk.Chunk.Text, string.Join(';', chunk.Chunk.Sentences), chunk.Chunk.Document),
            (read.ChunkId, read.Ordinal, read.SectionPath, read.Text, string.Join(';', read.Sentences), read.Document));
    }

    [Fact]
    public void ChunkPayload_RoundTripsTheSentenceVectorsBitForBit()
    {
        var chunk = Indexed.Document.Chunks[1];

        var vectors = QdrantPayload.ReadSentenceVectors(OverTheWire(QdrantPoints.ForChunk(chunk)));

        Assert.Equal(chunk.SentenceVectors, vectors);
    }

    [Fact]
    public void ChunkPayload_UndatedDocument_HasNoYearFieldSoYearFiltersExcludeIt()
    {
        var undated = IndexedDocuments.Build("undated", DocumentKind.Guideline, null, "Text without a year.");

        var payload = OverTheWire(QdrantPoints.ForChunk(undated.Chunks[0]));

        Assert.Equal((false, (int?)null), (payload.ContainsKey(QdrantPayload.Year), QdrantPayload.ReadChunk(payload).Document.Year));
    }

    [Fact]
    public void ChunkPoint_CarriesTheDenseVectorAndTheBm25SparseVectorOfItsIndexText()
    {
        var chunk = Indexed.Document.Chunks[0];

        var vectors = QdrantPoints.ForChunk(chunk).Vectors.Vectors_.Vectors;

        var expected = Bm25SparseVector.ForDocument(chunk.Chunk.IndexText);
        var sparse = vectors[QdrantCollectionLayout.SparseVector].Sparse;
        Assert.Equal([chunk.Vector, expected.Indices.Select(i => (float)i).ToArray(), expected.Values],
            [vectors[QdrantCollectionLayout.DenseVector].Dense.Data.ToArray(), sparse.Indices.Select(i => (float)i).ToArray(), sparse.Values.ToArray()]);
    }

    [Fact]
    public void DocumentPoint_HasNoVectorsAndCarriesTheContentHash()
    {
        var point = QdrantPoints.ForDocument(Indexed.Document);

        Assert.Equal((0, Indexed.Document.ContentHash, QdrantPayload.DocumentRecord),
            (point.Vectors.Vectors_.Vectors.Count, point.Payload[QdrantPayload.ContentHash].StringValue, point.Payload[QdrantPayload.Record].StringValue));
    }

    private sealed class IndexedChunkFixture
    {
        public RagApi.Knowledge.Storage.IndexedDocument Document { get; } = IndexedDocuments.Build("lems-guideline", DocumentKind.Guideline, 2011,
            "Amifampridine is first-line. It improves strength.",
            "Screen for SCLC with CT. If negative, use FDG-PET. Repeat every six months for two years.");
    }
}
