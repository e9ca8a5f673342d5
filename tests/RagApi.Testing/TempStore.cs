using Microsoft.Data.Sqlite;
using RagApi.Knowledge.Storage.Embedded;

namespace RagApi.Testing;

/// <summary>A SQLite store in its own temporary file, deleted (with its WAL files) on dispose.</summary>
internal sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ragapi-test-{Guid.NewGuid():N}.db");
        Store = new SqliteKnowledgeStore(Path);
    }

    public string Path { get; }

    public SqliteKnowledgeStore Store { get; }

    /// <summary>Rows of the FTS table, read directly so stale lexical rows cannot hide behind a join.</summary>
    public long CountFullTextRows()
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM chunk_terms";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(Path + suffix);
    }
}
