using Microsoft.Data.Sqlite;
using RagApi.Knowledge.Ingestion.Documents;

namespace RagApi.Knowledge.Storage.Embedded;

internal static class SqliteLexicalIndexLoader
{
    /// <summary>
    /// Every row of the FTS5 table, with its document's filter fields; a row without a chunk (none should exist) is
    /// kept, as FTS5 counts it too.
    /// </summary>
    public static LexicalIndex Load(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT t.rowid, t.terms, d.id, d.kind, d.year
            FROM chunk_terms t LEFT JOIN chunks c ON c.rowid = t.rowid LEFT JOIN documents d ON d.id = c.document_id
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<(long, string, string?, DocumentKind?, int?)>();
        while (reader.Read())
        {
            // Read as the dense index reads it, so both rankings admit the same rows under a filter.
            DocumentKind? kind = null;
            if (!reader.IsDBNull(3))
            {
                _ = DocumentKinds.TryParse(reader.GetString(3), out var parsed);
                kind = parsed;
            }
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), kind, reader.IsDBNull(4) ? null : reader.GetInt32(4)));
        }
        return new LexicalIndex(rows);
    }
}
