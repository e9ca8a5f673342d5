using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Storage.Qdrant;

/// <summary>
/// The one chunk model as a Qdrant payload, and back. Chunk points carry the chunk, its document's metadata and its
/// sentence vectors; one vector-less point per document carries the content hash, written last (see the store).
/// </summary>
internal static class QdrantPayload
{
    public const string Record = "record";
    public const string ChunkRecord = "chunk";
    public const string DocumentRecord = "document";
    public const string DocumentId = "document_id";
    public const string ChunkId = "chunk_id";
    public const string Ordinal = "ordinal";
    public const string SectionPath = "section_path";
    public const string Page = "page";
    public const string Anchor = "anchor";
    public const string Text = "text";
    public const string Sentences = "sentences";
    public const string SentenceVectors = "sentence_vectors";
    public const string Title = "title";
    public const string Kind = "kind";
    public const string Source = "source";
    public const string Year = "year";
    public const string Url = "url";
    public const string Citation = "citation";
    public const string ContentHash = "content_hash";

    public static Dictionary<string, Value> ForChunk(IndexedChunk indexed)
    {
        var chunk = indexed.Chunk;
        var payload = ForMetadata(chunk.Document, ChunkRecord);
        payload[ChunkId] = chunk.ChunkId;
        payload[Ordinal] = chunk.Ordinal;
        payload[SectionPath] = chunk.SectionPath;
        if (chunk.Page is { } page) payload[Page] = page;
        if (chunk.Anchor is { } anchor) payload[Anchor] = anchor;
        payload[Text] = chunk.Text;
        payload[Sentences] = chunk.Sentences.SelectMany(s => new Value[] { s.Start, s.Length }).ToArray();
        payload[SentenceVectors] = Convert.ToBase64String(indexed.SentenceVectors.SelectMany(v => Embeddings.VectorMath.ToBytes(v)).ToArray());
        return payload;
    }

    public static Dictionary<string, Value> ForDocument(DocumentMetadata metadata, string contentHash)
    {
        var payload = ForMetadata(metadata, DocumentRecord);
        payload[ContentHash] = contentHash;
        return payload;
    }

    public static Chunk ReadChunk(MapField<string, Value> payload)
    {
        var metadata = new DocumentMetadata(
            Id: payload[DocumentId].StringValue,
            Title: payload[Title].StringValue,
            Kind: DocumentKinds.TryParse(payload[Kind].StringValue, out var kind) ? kind : DocumentKind.Research,
            Source: payload[Source].StringValue,
            Year: payload.TryGetValue(Year, out var year) && year.KindCase == Value.KindOneofCase.IntegerValue ? (int)year.IntegerValue : null,
            Url: payload[Url].StringValue,
            Citation: payload[Citation].StringValue);
        var numbers = payload[Sentences].ListValue.Values.Select(v => (int)v.IntegerValue).ToArray();
        var spans = Enumerable.Range(0, numbers.Length / 2).Select(i => new TextSpan(numbers[2 * i], numbers[2 * i + 1])).ToArray();
        return new Chunk(payload[ChunkId].StringValue, (int)payload[Ordinal].IntegerValue, payload[SectionPath].StringValue,
            payload[Text].StringValue, spans, metadata)
        {
            Page = payload.TryGetValue(Page, out var page) && page.KindCase == Value.KindOneofCase.IntegerValue ? (int)page.IntegerValue : null,
            // Points written before anchors were kept have none: their citations link to the document's url.
            Anchor = payload.TryGetValue(Anchor, out var anchor) && anchor.KindCase == Value.KindOneofCase.StringValue ? anchor.StringValue : null,
        };
    }

    /// <summary>The sentence vectors, split by the sentence count so the dimension needs no lookup.</summary>
    public static float[][] ReadSentenceVectors(MapField<string, Value> payload)
    {
        var all = Embeddings.VectorMath.FromBytes(Convert.FromBase64String(payload[SentenceVectors].StringValue));
        var count = payload[Sentences].ListValue.Values.Count / 2;
        if (count == 0) return [];
        var dimensions = all.Length / count;
        return Enumerable.Range(0, count).Select(i => all.AsSpan(i * dimensions, dimensions).ToArray()).ToArray();
    }

    private static Dictionary<string, Value> ForMetadata(DocumentMetadata m, string record)
    {
        var payload = new Dictionary<string, Value>
        {
            [Record] = record,
            [DocumentId] = m.Id,
            [Title] = m.Title,
            [Kind] = m.Kind.ToName(),
            [Source] = m.Source,
            [Url] = m.Url,
            [Citation] = m.Citation,
        };
        // An undated document has no year field, so a yearFrom filter excludes it, as in the embedded store.
        if (m.Year is { } year) payload[Year] = year;
        return payload;
    }
}
