using System.Globalization;
using Microsoft.Data.Sqlite;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Storage.Embedded;

/// <summary>Maps chunk rows joined with their document to the chunk model, and sentence spans to text.</summary>
internal static class ChunkRows
{
    public const string Select = """
        SELECT c.rowid, c.chunk_id, c.ordinal, c.section_path, c.text, c.sentences,
               d.id, d.title, d.kind, d.source, d.year, d.url, d.citation, c.page, c.anchor
        FROM chunks c JOIN documents d ON d.id = c.document_id
        """;

    public static (long RowId, Chunk Chunk) Read(SqliteDataReader row)
    {
        var metadata = new DocumentMetadata(
            Id: row.GetString(6),
            Title: row.GetString(7),
            Kind: DocumentKinds.TryParse(row.GetString(8), out var kind) ? kind : DocumentKind.Research,
            Source: row.GetString(9),
            Year: row.IsDBNull(10) ? null : row.GetInt32(10),
            Url: row.GetString(11),
            Citation: row.GetString(12));
        var chunk = new Chunk(row.GetString(1), row.GetInt32(2), row.GetString(3), row.GetString(4), ParseSpans(row.GetString(5)), metadata)
        {
            Page = row.IsDBNull(13) ? null : row.GetInt32(13),
            Anchor = row.IsDBNull(14) ? null : row.GetString(14),
        };
        return (row.GetInt64(0), chunk);
    }

    public static string FormatSpans(IEnumerable<TextSpan> spans) =>
        string.Join(';', spans.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Start},{s.Length}")));

    private static TextSpan[] ParseSpans(string text) =>
        text.Length == 0
            ? []
            : text.Split(';').Select(pair => pair.Split(','))
                .Select(p => new TextSpan(int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture)))
                .ToArray();

    public static byte[] PackVectors(IReadOnlyList<float[]> vectors) => vectors.SelectMany(v => Embeddings.VectorMath.ToBytes(v)).ToArray();

    public static float[][] UnpackVectors(byte[] bytes, int dimensions)
    {
        var all = Embeddings.VectorMath.FromBytes(bytes);
        return Enumerable.Range(0, all.Length / dimensions).Select(i => all.AsSpan(i * dimensions, dimensions).ToArray()).ToArray();
    }
}
