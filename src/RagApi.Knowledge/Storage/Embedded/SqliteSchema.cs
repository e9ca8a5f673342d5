using Microsoft.Data.Sqlite;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Storage.Embedded;

internal static class SqliteSchema
{
    public const int Version = 4;

    private const string CreateStatements = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS documents (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            kind TEXT NOT NULL,
            source TEXT NOT NULL,
            year INTEGER,
            url TEXT NOT NULL,
            citation TEXT NOT NULL,
            content_hash TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS chunks (
            rowid INTEGER PRIMARY KEY,
            chunk_id TEXT NOT NULL UNIQUE,
            document_id TEXT NOT NULL REFERENCES documents(id),
            ordinal INTEGER NOT NULL,
            section_path TEXT NOT NULL,
            page INTEGER,
            anchor TEXT,
            text TEXT NOT NULL,
            sentences TEXT NOT NULL,
            vector BLOB NOT NULL,
            sentence_vectors BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS chunks_by_document ON chunks(document_id);
        CREATE VIRTUAL TABLE IF NOT EXISTS chunk_terms USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0');
        INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', '4'), ('generation', '0'), ('store_id', lower(hex(randomblob(16))));
        """;

    public static void Create(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = CreateStatements;
        command.ExecuteNonQuery();
        var version = Meta(connection, "schema_version");
        if (version == "1") version = Upgrade(connection, "ALTER TABLE chunks ADD COLUMN page INTEGER", "2");
        if (version == "2") version = Upgrade(connection, "ALTER TABLE chunks ADD COLUMN anchor TEXT", "3");
        if (version == "3") version = RewriteTerms(connection, "4");
        if (version != Version.ToString())
            throw new InvalidDataException($"The store file has schema version {version}; this build reads version {Version}. Re-index into a new file.");
    }

    /// <summary>
    /// Version 2 only added the chunk's page and version 3 its section anchor, so older files are upgraded in place
    /// (their chunks have no page or anchor, and their citations link to the document's url as before).
    /// </summary>
    private static string Upgrade(SqliteConnection connection, string alter, string version)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"{alter}; UPDATE meta SET value = '{version}' WHERE key = 'schema_version';";
        command.ExecuteNonQuery();
        transaction.Commit();
        return version;
    }

    /// <summary>
    /// Version 4 holds the terms of <see cref="TextAnalyzer"/> version 2: every chunk's terms are written again from
    /// its stored text, in one transaction (no embedding is needed), and the generation moves so readers drop the
    /// postings they built from the old terms.
    /// </summary>
    private static string RewriteTerms(SqliteConnection connection, string version)
    {
        using var transaction = connection.BeginTransaction();
        using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM chunk_terms";
            clear.ExecuteNonQuery();
        }
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO chunk_terms(rowid, terms) VALUES ($rowid, $terms)";
        var rowId = insert.Parameters.Add("$rowid", SqliteType.Integer);
        var terms = insert.Parameters.Add("$terms", SqliteType.Text);
        using var chunks = connection.CreateCommand();
        chunks.Transaction = transaction;
        chunks.CommandText = "SELECT rowid, section_path, text FROM chunks";
        using (var reader = chunks.ExecuteReader())
        {
            while (reader.Read())
            {
                rowId.Value = reader.GetInt64(0);
                terms.Value = string.Join(' ', TextAnalyzer.Terms(Chunk.IndexTextOf(reader.GetString(1), reader.GetString(2))));
                insert.ExecuteNonQuery();
            }
        }
        SetMeta(connection, transaction, "schema_version", version);
        BumpGeneration(connection, transaction);
        transaction.Commit();
        return version;
    }

    public static string? Meta(SqliteConnection connection, string key, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    public static void SetMeta(SqliteConnection connection, SqliteTransaction transaction, string key, string value)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO meta(key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Which file and which version of it: the file's own id with its write count, so a file replaced under a
    /// running service (a backup restored) never reads as the one whose rows a reader holds in memory.
    /// </summary>
    public static string FileVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT ifnull((SELECT value FROM meta WHERE key = 'store_id'), '') || '/' || ifnull((SELECT value FROM meta WHERE key = 'generation'), '0')";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>Every write bumps the generation, so readers know their in-memory vectors are stale.</summary>
    public static void BumpGeneration(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'";
        command.ExecuteNonQuery();
    }
}
