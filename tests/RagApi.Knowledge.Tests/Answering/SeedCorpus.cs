using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Composing.Selection;
using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Testing;

[assembly: AssemblyFixture(typeof(RagApi.Knowledge.Tests.Answering.SeedCorpus))]

namespace RagApi.Knowledge.Tests.Answering;

/// <summary>The seed corpus indexed once per test run with the real MiniLM, for tests that read real answers to real questions.</summary>
public sealed class SeedCorpus : IAsyncLifetime
{
    private readonly TempStore _temp = new();

    public Knowledge.Storage.Embedded.SqliteKnowledgeStore Store => _temp.Store;

    public async ValueTask InitializeAsync() =>
        await new IndexingPipeline(Store, RealModel.Embedder, new Chunker(RealModel.Embedder), TimeProvider.System)
            .RunAsync(DocumentSourceLoader.Load(RepositoryPaths.Seeds), prune: false, progress: null, TestContext.Current.CancellationToken);

    /// <summary>Retrieves and composes as <see cref="AnswerService"/> does with its default options.</summary>
    public Task<DraftAnswer> ComposeAsync(string question) => ComposeAsync(question, new AnswerOptions(), RealModel.Embedder.ModelId);

    /// <summary>As <see cref="AnswerService"/> does, with these options, as if the store had been built with <paramref name="embeddingModel"/>.</summary>
    public async Task<DraftAnswer> ComposeAsync(string question, AnswerOptions options, string embeddingModel) =>
        await new ExtractiveComposer(Store, options, SelectionModel.Default, embeddingModel)
            .ComposeAsync(await RetrieveAsync(question, options), TestContext.Current.CancellationToken);

    /// <summary>The candidate sentences the composer chooses from for this question, before the fitted model scores them.</summary>
    public async Task<IReadOnlyList<SentenceCandidate>> CandidatesAsync(string question) =>
        await SentenceCandidates.CollectAsync(Store, await RetrieveAsync(question), QuestionShape.Of(question), TestContext.Current.CancellationToken);

    /// <summary>The passages the composer reads for this question, retrieved as <see cref="AnswerService"/> retrieves them.</summary>
    public Task<Retrieval.Retrieval> RetrieveAsync(string question, AnswerOptions? options = null)
    {
        options ??= new AnswerOptions();
        return new Retriever(Store, RealModel.Embedder, TestMetrics.Create())
            .RetrieveAsync(question, SearchFilters.None, options.DefaultTopK * options.RetrievalDepthFactor, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
