using System.Globalization;
using Microsoft.Data.Sqlite;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion.Documents;

namespace RagApi.Knowledge.Storage.Embedded;

internal static class SqliteDenseIndexLoader
{
    public static DenseIndex Load(SqliteConnection connection)
    {
        var dimensions = int.Parse(SqliteSchema.Meta(connection, "dimensions") ?? "0", CultureInfo.InvariantCulture);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT c.rowid, d.id, d.kind, d.year, c.vector FROM chunks c JOIN documents d ON d.id = c.document_id";
        using var reader = command.ExecuteReader();
        var rows = new List<(long, string, DocumentKind, int?, float[])>();
        while (reader.Read())
        {
            // The store only ever writes known kinds; an unknown one reads as the default rather than failing a search.
            _ = DocumentKinds.TryParse(reader.GetString(2), out var kind);
            rows.Add((reader.GetInt64(0), reader.GetString(1), kind, reader.IsDBNull(3) ? null : reader.GetInt32(3), VectorMath.FromBytes((byte[])reader[4])));
        }
        return new DenseIndex(dimensions, rows);
    }
}
