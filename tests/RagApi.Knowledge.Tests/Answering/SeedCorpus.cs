using Microsoft.Data.Sqlite;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Embedded;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Answering;

/// <summary>The seed corpus indexed once with the real model, for tests that read real answers to real questions.</summary>
public sealed class SeedCorpus : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ragapi-seed-answers-{Guid.NewGuid():N}.db");
    private SqliteKnowledgeStore? _store;

    private SqliteKnowledgeStore Store => _store ?? throw new InvalidOperationException("The seed corpus is not indexed yet.");

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteKnowledgeStore(_path);
        var pipeline = new IndexingPipeline(_store, RealModel.Embedder, new Chunker(RealModel.Embedder), TimeProvider.System);
        await pipeline.RunAsync(DocumentSourceLoader.Load(Path.Combine(RepositoryPaths.Root, "seeds")), prune: false, progress: null, TestContext.Current.CancellationToken);
    }

    /// <summary>Retrieves and composes as <see cref="AnswerService"/> does with its default options.</summary>
    public Task<DraftAnswer> ComposeAsync(string question) => ComposeAsync(question, new AnswerOptions(), RealModel.Embedder.ModelId);

    /// <summary>As <see cref="AnswerService"/> does, with these options, as if the store had been built with <paramref name="embeddingModel"/>.</summary>
    public async Task<DraftAnswer> ComposeAsync(string question, AnswerOptions options, string embeddingModel)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var retrieval = await new Retriever(Store, RealModel.Embedder)
            .RetrieveAsync(question, SearchFilters.None, options.DefaultTopK * options.RetrievalDepthFactor, cancellationToken);
        return await new ExtractiveComposer(Store, options, embeddingModel: embeddingModel).ComposeAsync(retrieval, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_path + suffix);
        return ValueTask.CompletedTask;
    }
}
