using Microsoft.Data.Sqlite;

namespace RagApi.Knowledge.Storage.Embedded;

/// <summary>
/// The in-memory BM25 index of the store's current version, built in the background after the first search of a
/// new version of the file. Until it is ready, and for a store too large for one, searches get null and ask FTS5,
/// which ranks the same: no search waits for a build (an indexer writing beside the API makes a new version with
/// every document).
/// </summary>
internal sealed class BackgroundLexicalIndex(Func<SqliteConnection> open)
{
    /// <summary>About 9 MB per 10,000 abstract-sized chunks (measured on PubMedQA); a larger store keeps FTS5.</summary>
    private const int MaxChunks = 200_000;

    private readonly Lock _lock = new();
    private (string Version, LexicalIndex? Index)? _built;
    private string? _building;

    /// <param name="version">The store's <see cref="SqliteSchema.FileVersion"/>, as the search read it.</param>
    public LexicalIndex? For(string version)
    {
        lock (_lock)
        {
            if (_built is { } built && built.Version == version) return built.Index;
            if (_building == version) return null;
            _building = version;
        }
        _ = Task.Run(() => Build(version));
        return null;
    }

    private void Build(string version)
    {
        LexicalIndex? index = null;
        try
        {
            using var connection = open();
            SqliteLexicalIndexLoader.PrepareVocabulary(connection);
            // One read transaction, so the rows are those of the version it reads.
            using var transaction = connection.BeginTransaction(deferred: true);
            if (SqliteSchema.FileVersion(connection, transaction) != version) return;
            using var count = connection.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = "SELECT COUNT(*) FROM chunk_terms";
            if ((long)count.ExecuteScalar()! <= MaxChunks) index = SqliteLexicalIndexLoader.Load(connection, transaction);
        }
        catch (SqliteException)
        {
            // FTS5 keeps answering this version; the next version tries again.
        }
        finally
        {
            lock (_lock)
            {
                if (_building == version) _building = null;
                if (index is not null || _built?.Version != version) _built = (version, index);
            }
        }
    }
}
