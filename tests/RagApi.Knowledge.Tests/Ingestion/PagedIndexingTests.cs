using Microsoft.Extensions.Time.Testing;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Ingestion;

public sealed class PagedIndexingTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    private static SourceDocument PagedDocument() =>
        TestDocuments.Source("paged", "body") with
        {
            Blocks =
            [
                new DocumentBlock(["Treatment"], "Aspirin is given early. Heparin follows imaging.", 3),
                new DocumentBlock(["Treatment"], "Statins are started before discharge.", 4),
            ],
            Pages = 4,
        };

    [Fact]
    public void A_section_running_over_two_pages_is_cut_at_the_page_break()
    {
        var chunks = new Chunker(new FakeEmbedder()).Chunk(PagedDocument());

        Assert.Equal([(3, "Title of paged > Treatment"), (4, "Title of paged > Treatment")], chunks.Select(c => (c.Page ?? 0, c.SectionPath)));
    }

    [Fact]
    public async Task The_store_keeps_each_chunks_page()
    {
        var embedder = new FakeEmbedder();
        await new IndexingPipeline(_temp.Store, embedder, new Chunker(embedder), new FakeTimeProvider())
            .RunAsync([PagedDocument()], prune: false, progress: null, _ct);

        var stored = await _temp.Store.GetDocumentAsync("paged", _ct);

        Assert.Equal([3, 4], stored!.Chunks.Select(c => c.Page ?? 0));
    }

    [Fact]
    public async Task Progress_counts_the_pdf_pages_read()
    {
        var embedder = new FakeEmbedder();
        var reports = new List<IndexingProgress>();
        await new IndexingPipeline(_temp.Store, embedder, new Chunker(embedder), new FakeTimeProvider())
            .RunAsync([PagedDocument(), TestDocuments.Source("plain", "Text.")], prune: false, new Recorder(reports), _ct);

        Assert.Equal([4, 4], reports.Select(r => r.Pages));
    }

    [Fact]
    public async Task A_sentence_repeated_by_the_overlap_is_embedded_once()
    {
        var counting = new CountingEmbedder();
        var body = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"Sentence number {i} says something about aspirin dosing here."));
        await new IndexingPipeline(_temp.Store, counting, new Chunker(counting), new FakeTimeProvider())
            .RunAsync([TestDocuments.Source("long", body)], prune: false, progress: null, _ct);

        Assert.Equal(counting.Texts.Count, counting.Texts.Distinct(StringComparer.Ordinal).Count());
    }

    private sealed class Recorder(List<IndexingProgress> reports) : IProgress<IndexingProgress>
    {
        public void Report(IndexingProgress value) => reports.Add(value);
    }

    private sealed class CountingEmbedder : ITextEmbedder
    {
        private readonly FakeEmbedder _inner = new();

        public List<string> Texts { get; } = [];

        public string ModelId => _inner.ModelId;

        public int Dimensions => _inner.Dimensions;

        public int CountTokens(string text) => _inner.CountTokens(text);

        public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        {
            Texts.AddRange(texts);
            return _inner.EmbedAsync(texts, cancellationToken);
        }
    }
}
