using Microsoft.Data.Sqlite;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Embedded;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Store;

/// <summary>A store written by text analyzer version 1 is given version 2's terms when it is opened.</summary>
public sealed class AnalyzerUpgradeTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_version_3_store_whose_terms_cut_plurals_short_finds_them_after_it_is_opened()
    {
        await _temp.Store.EnsureEmbeddingModelAsync(new FakeEmbedder().ModelId, FakeEmbedder.Size, _ct);
        await _temp.Store.ReplaceDocumentAsync(IndexedDocuments.Build("dosing", "Doses were lowered in several diseases."), _ct);
        WriteVersion1Terms(_temp.Path, "body\ndos lowered several diseas");

        var reopened = new SqliteKnowledgeStore(_temp.Path);
        var hits = await reopened.SearchAsync(new PassageQuery("disease dose", [], SearchFilters.None, 5, SearchMode.Lexical), _ct);

        Assert.Equal(["dosing#000"], hits.Select(h => h.Chunk.ChunkId));
    }

    /// <summary>Makes the file what schema version 3 wrote: the same chunks, with the old analyzer's terms.</summary>
    private static void WriteVersion1Terms(string path, string terms)
    {
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM chunk_terms; INSERT INTO chunk_terms(rowid, terms) SELECT rowid, $terms FROM chunks; UPDATE meta SET value = '3' WHERE key = 'schema_version';";
            command.Parameters.AddWithValue("$terms", terms);
            command.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
    }
}
