using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Storage.Embedded;

namespace RagApi.Eval;

/// <summary>The Knowledge services built directly on one store, as the indexer does: no web host in between.</summary>
internal sealed class KnowledgeServices : IDisposable
{
    private readonly MiniLmEmbedder _embedder;

    public KnowledgeServices(string storePath, AnswerOptions options, MiniLmEmbedder? embedder = null)
    {
        _embedder = embedder ?? new MiniLmEmbedder();
        OwnsEmbedder = embedder is null;
        Store = new SqliteKnowledgeStore(storePath);
        Options = options;
        Retriever = new Retriever(Store, _embedder);
        Indexing = new IndexingPipeline(Store, _embedder, new Chunker(_embedder), TimeProvider.System);
        // In-process evaluation measures the extractive composer; a generated composer is measured through --api.
        Answers = new AnswerService(Retriever, new ExtractiveComposer(Store, options), AnswerGeneration.None,
            new AnswerAssembler(AnswerTexts.Load(RepositoryPaths.Find("prompts"))), options,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<AnswerService>.Instance);
    }

    private bool OwnsEmbedder { get; }

    public ITextEmbedder Embedder => _embedder;

    public SqliteKnowledgeStore Store { get; }

    public AnswerOptions Options { get; }

    public Retriever Retriever { get; }

    public IndexingPipeline Indexing { get; }

    public AnswerService Answers { get; }

    public void Dispose()
    {
        if (OwnsEmbedder) _embedder.Dispose();
    }
}
