using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Embeddings;

/// <summary>A retrieval-tuned model's instruction goes on questions that search passages, and nowhere else.</summary>
public sealed class QueryPrefixTests : IDisposable
{
    private const string Prefix = "query: ";
    private readonly TempStore _temp = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    /// <summary>The hashed bag of words behind a prefix, remembering every text it was given.</summary>
    private sealed class PrefixedEmbedder : ITextEmbedder
    {
        private readonly FakeEmbedder _inner = new();

        public List<string> Embedded { get; } = [];

        public string ModelId => _inner.ModelId;

        public int Dimensions => _inner.Dimensions;

        public string QueryPrefix => Prefix;

        public int CountTokens(string text) => _inner.CountTokens(text);

        public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        {
            Embedded.AddRange(texts);
            return _inner.EmbedAsync(texts, cancellationToken);
        }
    }

    [Fact]
    public async Task The_retriever_embeds_the_question_with_the_models_query_prefix()
    {
        var embedder = new PrefixedEmbedder();
        await _temp.Store.EnsureEmbeddingModelAsync(embedder.ModelId, embedder.Dimensions, _ct);
        await _temp.Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", DocumentKind.Guideline, 2020, "Amifampridine is first-line in LEMS."), _ct);

        await new Retriever(_temp.Store, embedder, TestMetrics.Create()).RetrieveAsync("How is LEMS treated?", SearchFilters.None, 5, _ct);

        Assert.Equal([Prefix + "How is LEMS treated?"], embedder.Embedded);
    }

    [Fact]
    public async Task Batching_concurrent_questions_keeps_the_inner_models_prefix()
    {
        await using var batching = new BatchingQueryEmbedder(new PrefixedEmbedder());

        Assert.Equal(Prefix, ((ITextEmbedder)batching).QueryPrefix);
    }

    [Fact]
    public void A_symmetric_model_puts_nothing_before_a_question()
    {
        Assert.Equal("", ((ITextEmbedder)new FakeEmbedder()).QueryPrefix);
    }
}
