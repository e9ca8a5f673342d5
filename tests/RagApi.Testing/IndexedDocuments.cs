using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Text;

namespace RagApi.Testing;

/// <summary>Documents ready for a store: one chunk per text, sentences split, vectors from <see cref="FakeEmbedder"/> unless given.</summary>
internal static class IndexedDocuments
{
    public static IndexedDocument Build(string id, DocumentKind kind, int? year, params (string Text, float[] Vector)[] chunks)
    {
        var metadata = TestDocuments.Metadata(id, kind, year);
        var indexed = chunks.Select((c, i) =>
        {
            var spans = SentenceSplitter.Split(c.Text);
            var chunk = new Chunk(Chunk.IdFor(id, i), i, $"{metadata.Title} > Section", c.Text, spans, metadata);
            return new IndexedChunk(chunk, c.Vector, spans.Select(s => FakeEmbedder.Embed(s.Of(c.Text))).ToArray());
        }).ToList();
        return new IndexedDocument(metadata, $"hash-of-{id}-{chunks.Length}-{chunks.Sum(c => c.Text.Length)}", indexed);
    }

    public static IndexedDocument Build(string id, params string[] texts) =>
        Build(id, DocumentKind.Research, 2020, texts.Select(t => (t, FakeEmbedder.Embed(t))).ToArray());

    public static IndexedDocument Build(string id, DocumentKind kind, int? year, params string[] texts) =>
        Build(id, kind, year, texts.Select(t => (t, FakeEmbedder.Embed(t))).ToArray());

    /// <summary>A unit vector in the plane of the first two axes, for hand-made dense rankings.</summary>
    public static float[] Direction(float x, float y)
    {
        var vector = new float[FakeEmbedder.Size];
        var norm = MathF.Sqrt(x * x + y * y);
        (vector[0], vector[1]) = (x / norm, y / norm);
        return vector;
    }
}
