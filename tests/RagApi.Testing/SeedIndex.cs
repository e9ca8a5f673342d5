using Microsoft.Data.Sqlite;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Storage.Embedded;

namespace RagApi.Testing;

/// <summary>
/// The seed corpus indexed once per test run with one shared embedder, so every test app opens a ready store
/// instead of loading the model and indexing again.
/// </summary>
public sealed class SeedIndex : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ragapi-api-tests-{Guid.NewGuid():N}");

    public MiniLmEmbedder Embedder { get; } = new();

    public string StorePath => Path.Combine(_folder, "seeds.db");

    public static string Disclaimer { get; } = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "prompts", "disclaimer.md")).Trim();

    /// <summary>A fresh folder for a test that needs its own store or seeds; removed with the fixture.</summary>
    public string NewScratchFolder()
    {
        var folder = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var store = new SqliteKnowledgeStore(StorePath);
        var pipeline = new IndexingPipeline(store, Embedder, new Chunker(Embedder), TimeProvider.System);
        var documents = DocumentSourceLoader.Load(RepositoryPaths.Seeds);
        await pipeline.RunAsync(documents, prune: false, progress: null, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        Embedder.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A store still open by a host that is shutting down; the temp folder is left for the OS to clean.
        }
        return ValueTask.CompletedTask;
    }
}
