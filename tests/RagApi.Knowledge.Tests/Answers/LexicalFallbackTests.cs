using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Answers;

/// <summary>When the query cannot be embedded, search falls back to BM25 and says why; no answer is composed from that.</summary>
public sealed class LexicalFallbackTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    private async Task<Retriever> RetrieverOverFailingEmbedderAsync()
    {
        await _temp.Store.EnsureEmbeddingModelAsync(new FakeEmbedder().ModelId, FakeEmbedder.Size, _ct);
        await _temp.Store.ReplaceDocumentAsync(IndexedDocuments.Build("lems", DocumentKind.Guideline, 2020, "Amifampridine is first-line in LEMS."), _ct);
        await _temp.Store.ReplaceDocumentAsync(IndexedDocuments.Build("gout", DocumentKind.Guideline, 2021, "Colchicine treats a gout flare."), _ct);
        return new Retriever(_temp.Store, new FailingEmbedder(), TestMetrics.Create());
    }

    [Fact]
    public async Task RetrieveOrLexical_EmbedderDown_ReturnsTheBm25RankingMarkedWithTheFailure()
    {
        var retrieval = await (await RetrieverOverFailingEmbedderAsync()).RetrieveOrLexicalAsync("amifampridine", SearchFilters.None, 5, _ct);

        Assert.Equal(("lems", (float?)null, true, "unavailable"),
            (Assert.Single(retrieval.Passages).Chunk.DocumentId, retrieval.Passages[0].Scores.Dense, retrieval.Passages[0].Scores.Lexical > 0, retrieval.DenseUnavailable?.Reason));
    }

    [Fact]
    public async Task RetrieveAsync_EmbedderDown_LetsTheFailureThroughForAnswersToRefuse()
    {
        var retriever = await RetrieverOverFailingEmbedderAsync();

        await Assert.ThrowsAsync<EmbeddingEndpointException>(() => retriever.RetrieveAsync("amifampridine", SearchFilters.None, 5, _ct));
    }

    [Fact]
    public async Task ExtractiveComposer_PassagesFoundWithoutTheQueryVector_RefusesRatherThanScoringThemLexically()
    {
        var retrieval = await (await RetrieverOverFailingEmbedderAsync()).RetrieveOrLexicalAsync("amifampridine", SearchFilters.None, 5, _ct);

        await Assert.ThrowsAsync<EmbeddingEndpointException>(() => new ExtractiveComposer(_temp.Store, new AnswerOptions()).ComposeAsync(retrieval, _ct));
    }

    /// <summary>An embedder whose endpoint is down, failing as <see cref="RemoteEmbedder"/> does.</summary>
    private sealed class FailingEmbedder : ITextEmbedder
    {
        public string ModelId => new FakeEmbedder().ModelId;

        public int Dimensions => FakeEmbedder.Size;

        public int CountTokens(string text) => 1;

        public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
            throw EmbeddingEndpointException.From(new HttpRequestException("Connection refused"), "http://embeddings.test", ModelId);
    }
}
