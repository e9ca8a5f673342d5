using Microsoft.Data.Sqlite;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Storage.Embedded;

internal static class SqliteWrites
{
    public static void DeleteDocument(SqliteConnection connection, SqliteTransaction transaction, string documentId)
    {
        Execute(connection, transaction, "DELETE FROM chunk_terms WHERE rowid IN (SELECT rowid FROM chunks WHERE document_id = $id)", ("$id", documentId));
        Execute(connection, transaction, "DELETE FROM chunks WHERE document_id = $id", ("$id", documentId));
        Execute(connection, transaction, "DELETE FROM documents WHERE id = $id", ("$id", documentId));
    }

    public static void InsertDocument(SqliteConnection connection, SqliteTransaction transaction, IndexedDocument document)
    {
        var m = document.Metadata;
        Execute(connection, transaction,
            "INSERT INTO documents(id, title, kind, source, year, url, citation, content_hash) VALUES ($id, $title, $kind, $source, $year, $url, $citation, $hash)",
            ("$id", m.Id), ("$title", m.Title), ("$kind", m.Kind.ToName()), ("$source", m.Source), ("$year", m.Year),
            ("$url", m.Url), ("$citation", m.Citation), ("$hash", document.ContentHash));

        using var chunk = connection.CreateCommand();
        chunk.Transaction = transaction;
        chunk.CommandText = """
            INSERT INTO chunks(chunk_id, document_id, ordinal, section_path, page, anchor, text, sentences, vector, sentence_vectors)
            VALUES ($chunkId, $documentId, $ordinal, $section, $page, $anchor, $text, $sentences, $vector, $sentenceVectors) RETURNING rowid
            """;
        using var terms = connection.CreateCommand();
        terms.Transaction = transaction;
        terms.CommandText = "INSERT INTO chunk_terms(rowid, terms) VALUES ($rowid, $terms)";

        foreach (var indexed in document.Chunks)
        {
            var c = indexed.Chunk;
            chunk.Parameters.Clear();
            chunk.Parameters.AddWithValue("$chunkId", c.ChunkId);
            chunk.Parameters.AddWithValue("$documentId", m.Id);
            chunk.Parameters.AddWithValue("$ordinal", c.Ordinal);
            chunk.Parameters.AddWithValue("$section", c.SectionPath);
            chunk.Parameters.AddWithValue("$page", c.Page is { } page ? page : DBNull.Value);
            chunk.Parameters.AddWithValue("$anchor", c.Anchor is { } anchor ? anchor : DBNull.Value);
            chunk.Parameters.AddWithValue("$text", c.Text);
            chunk.Parameters.AddWithValue("$sentences", ChunkRows.FormatSpans(c.Sentences));
            chunk.Parameters.AddWithValue("$vector", Embeddings.VectorMath.ToBytes(indexed.Vector));
            chunk.Parameters.AddWithValue("$sentenceVectors", ChunkRows.PackVectors(indexed.SentenceVectors));
            var rowId = (long)chunk.ExecuteScalar()!;

            terms.Parameters.Clear();
            terms.Parameters.AddWithValue("$rowid", rowId);
            terms.Parameters.AddWithValue("$terms", string.Join(' ', TextAnalyzer.Terms(c.IndexText)));
            terms.ExecuteNonQuery();
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        command.ExecuteNonQuery();
    }
}
