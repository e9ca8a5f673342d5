using Microsoft.Data.Sqlite;
using RagApi.Knowledge.Ingestion.Documents;

namespace RagApi.Knowledge.Storage.Embedded;

internal static class SqliteLexicalIndexLoader
{
    /// <summary>
    /// Every row of the FTS5 table, with its document's filter fields (a row without a chunk, which should not
    /// exist, is kept: FTS5 counts it too) and its tokens read back through fts5vocab, so they are FTS5's own.
    /// </summary>
    /// <param name="transaction">The read transaction the rows come from, if any.</param>
    public static LexicalIndex Load(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        PrepareVocabulary(connection, transaction);
        var tokens = new Dictionary<long, List<string>>();
        using (var vocabulary = connection.CreateCommand())
        {
            vocabulary.Transaction = transaction;
            vocabulary.CommandText = "SELECT doc, term FROM temp.chunk_term_instances";
            using var reader = vocabulary.ExecuteReader();
            while (reader.Read())
            {
                var rowId = reader.GetInt64(0);
                if (!tokens.TryGetValue(rowId, out var list)) tokens[rowId] = list = [];
                list.Add(reader.GetString(1));
            }
        }
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT t.rowid, d.id, d.kind, d.year
            FROM chunk_terms t LEFT JOIN chunks c ON c.rowid = t.rowid LEFT JOIN documents d ON d.id = c.document_id
            """;
        using var rows = command.ExecuteReader();
        var read = new List<(long, IReadOnlyList<string>, string?, DocumentKind?, int?)>();
        while (rows.Read())
        {
            // Read as the dense index reads it, so both rankings admit the same rows under a filter.
            DocumentKind? kind = null;
            if (!rows.IsDBNull(2))
            {
                _ = DocumentKinds.TryParse(rows.GetString(2), out var parsed);
                kind = parsed;
            }
            var rowId = rows.GetInt64(0);
            read.Add((rowId, tokens.TryGetValue(rowId, out var list) ? list : [], rows.IsDBNull(1) ? null : rows.GetString(1), kind, rows.IsDBNull(3) ? null : rows.GetInt32(3)));
        }
        return new LexicalIndex(read);
    }

    /// <summary>FTS5's view of its own tokens, one row per token of every row, on this connection.</summary>
    public static void PrepareVocabulary(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunk_term_instances USING fts5vocab(main, 'chunk_terms', 'instance')";
        command.ExecuteNonQuery();
    }
}
