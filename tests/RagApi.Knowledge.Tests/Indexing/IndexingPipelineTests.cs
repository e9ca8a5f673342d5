using Microsoft.Extensions.Time.Testing;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Indexing;

public sealed class IndexingPipelineTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly FakeTimeProvider _time = new();
    private readonly FakeEmbedder _embedder = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    private static readonly SourceDocument[] ThreeDocuments =
    [
        TestDocuments.Source("lems", "## Treatment\n\nAmifampridine improves strength. Prednisone is added when needed."),
        TestDocuments.Source("mg", "## Treatment\n\nPyridostigmine is first-line.", DocumentKind.Guideline),
        TestDocuments.Source("gbs", "## Treatment\n\nIVIg and plasma exchange are equally effective."),
    ];

    private IndexingPipeline Pipeline(ITextEmbedder? embedder = null) =>
        new(_temp.Store, embedder ?? _embedder, new Chunker(_embedder), _time);

    private Task<IndexingSummary> RunAsync(IReadOnlyList<SourceDocument> documents, bool prune = false, IProgress<IndexingProgress>? progress = null) =>
        Pipeline().RunAsync(documents, prune, progress, _ct);

    private async Task<string> StoredIdsAsync() =>
        string.Join(", ", (await _temp.Store.GetContentHashesAsync(_ct)).Keys.Order(StringComparer.Ordinal));

    [Fact]
    public async Task Run_NewDocuments_AddsThemAll()
    {
        var summary = await RunAsync(ThreeDocuments);

        Assert.Equal((3, 0, 0, 0), (summary.Added, summary.Updated, summary.Unchanged, summary.Pruned));
    }

    [Fact]
    public async Task Run_NewDocuments_CountsTheChunksWritten()
    {
        var summary = await RunAsync(ThreeDocuments);

        Assert.Equal((await _temp.Store.GetStatisticsAsync(_ct)).Chunks, summary.Chunks);
    }

    [Fact]
    public async Task Run_Twice_SecondRunFindsEverythingUnchangedAndWritesNoChunks()
    {
        await RunAsync(ThreeDocuments);

        var second = await RunAsync(ThreeDocuments);

        Assert.Equal(new IndexingSummary(0, 0, 3, 0, 0, TimeSpan.Zero), second);
    }

    [Fact]
    public async Task Run_Twice_SecondRunEmbedsNothing()
    {
        await RunAsync(ThreeDocuments);
        var callsAfterFirstRun = _embedder.EmbedCalls;

        await RunAsync(ThreeDocuments);

        Assert.Equal(callsAfterFirstRun, _embedder.EmbedCalls);
    }

    [Fact]
    public async Task Run_ChangedBody_UpdatesThatDocumentOnly()
    {
        await RunAsync(ThreeDocuments);
        var changed = ThreeDocuments.Select(d => d.Id == "mg" ? d with { Body = d.Body + " Thymectomy helps." } : d).ToList();

        var summary = await RunAsync(changed);

        Assert.Equal((0, 1, 2), (summary.Added, summary.Updated, summary.Unchanged));
    }

    [Fact]
    public async Task Run_ChangedBody_StoresTheNewText()
    {
        await RunAsync(ThreeDocuments);
        var changed = ThreeDocuments.Select(d => d.Id == "mg" ? d with { Body = "## Treatment\n\nEculizumab is an option." } : d).ToList();

        await RunAsync(changed);

        var stored = await _temp.Store.GetDocumentAsync("mg", _ct);
        Assert.Equal(["Eculizumab is an option."], stored!.Chunks.Select(c => c.Text));
    }

    [Fact]
    public async Task Run_ChangedMetadataOnly_UpdatesThatDocument()
    {
        await RunAsync(ThreeDocuments);
        var changed = ThreeDocuments.Select(d => d.Id == "gbs" ? d with { Year = 2021 } : d).ToList();

        var summary = await RunAsync(changed);

        Assert.Equal((1, 2), (summary.Updated, summary.Unchanged));
    }

    [Fact]
    public async Task Run_ChangedOrigin_IsNotAChange()
    {
        await RunAsync(ThreeDocuments);
        var moved = ThreeDocuments.Select(d => d with { Origin = new DocumentOrigin("moved/elsewhere.md", 7) }).ToList();

        var summary = await RunAsync(moved);

        Assert.Equal(3, summary.Unchanged);
    }

    [Fact]
    public async Task Run_WithPrune_RemovesDocumentsNoLongerInTheList()
    {
        await RunAsync(ThreeDocuments);

        var summary = await RunAsync(ThreeDocuments.Where(d => d.Id != "gbs").ToList(), prune: true);

        Assert.Equal((1, "lems, mg"), (summary.Pruned, await StoredIdsAsync()));
    }

    [Fact]
    public async Task Run_WithPrune_RemovesTheChunksOfPrunedDocuments()
    {
        await RunAsync(ThreeDocuments);
        var kept = ThreeDocuments.Where(d => d.Id == "lems").ToList();

        await RunAsync(kept, prune: true);

        Assert.Equal(new Chunker(_embedder).Chunk(kept[0]).Count, (await _temp.Store.GetStatisticsAsync(_ct)).Chunks);
    }

    [Fact]
    public async Task Run_WithoutPrune_KeepsDocumentsNoLongerInTheList()
    {
        await RunAsync(ThreeDocuments);

        var summary = await RunAsync(ThreeDocuments.Where(d => d.Id != "gbs").ToList());

        Assert.Equal((0, "gbs, lems, mg"), (summary.Pruned, await StoredIdsAsync()));
    }

    [Fact]
    public async Task Run_ReportsProgressOncePerDocumentInOrder()
    {
        var reports = new List<IndexingProgress>();

        await RunAsync(ThreeDocuments, progress: new SynchronousProgress(reports.Add));

        Assert.Equal([(1, 3, "lems"), (2, 3, "mg"), (3, 3, "gbs")], reports.Select(r => (r.Done, r.Total, r.DocumentId)));
    }

    [Fact]
    public async Task Run_ReportsTheRunningTotalOfChunksWritten()
    {
        var reports = new List<IndexingProgress>();

        var summary = await RunAsync(ThreeDocuments, progress: new SynchronousProgress(reports.Add));

        Assert.Equal(summary.Chunks, reports[^1].ChunksWritten);
    }

    [Fact]
    public async Task Run_BindsTheStoreToTheEmbeddersModel()
    {
        await RunAsync(ThreeDocuments);

        var statistics = await _temp.Store.GetStatisticsAsync(_ct);
        Assert.Equal((_embedder.ModelId, (int?)FakeEmbedder.Size), (statistics.EmbeddingModel, statistics.Dimensions));
    }

    [Fact]
    public async Task Run_EveryChunk_HasOneSentenceVectorPerSentence()
    {
        await RunAsync(ThreeDocuments);
        var chunks = (await _temp.Store.GetDocumentAsync("lems", _ct))!.Chunks;

        var vectors = await _temp.Store.GetSentenceVectorsAsync(chunks.Select(c => c.ChunkId).ToList(), _ct);

        Assert.Equal(chunks.Select(c => c.Sentences.Count), chunks.Select(c => vectors[c.ChunkId].Length));
    }

    [Fact]
    public async Task Run_Elapsed_IsTheFakeTimeThatPassedDuringTheRun()
    {
        var summary = await Pipeline(new ClockAdvancingEmbedder(_embedder, _time, TimeSpan.FromSeconds(2))).RunAsync(ThreeDocuments, false, null, _ct);

        // The three small documents are embedded in one call (one batch across documents).
        Assert.Equal((TimeSpan.FromSeconds(2), summary.Chunks / 2.0), (summary.Elapsed, summary.ChunksPerSecond));
    }

    [Fact]
    public void Summary_ToString_IsTheLineTheIndexerPrints()
    {
        var summary = new IndexingSummary(2, 1, 3, 1, 12, TimeSpan.FromSeconds(4));

        Assert.Equal("added 2, updated 1, unchanged 3, pruned 1, chunks 12, 4.0 s, 3.0 chunks/s", summary.ToString());
    }

    [Fact]
    public void Summary_NoTimeElapsed_HasZeroChunksPerSecond()
    {
        Assert.Equal(0, new IndexingSummary(1, 0, 0, 0, 5, TimeSpan.Zero).ChunksPerSecond);
    }

    private sealed class SynchronousProgress(Action<IndexingProgress> report) : IProgress<IndexingProgress>
    {
        public void Report(IndexingProgress value) => report(value);
    }

    /// <summary>Embeds like <paramref name="inner"/> and moves the fake clock on by <paramref name="step"/> per call.</summary>
    private sealed class ClockAdvancingEmbedder(ITextEmbedder inner, FakeTimeProvider time, TimeSpan step) : ITextEmbedder
    {
        public string ModelId => inner.ModelId;

        public int Dimensions => inner.Dimensions;

        public int CountTokens(string text) => inner.CountTokens(text);

        public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        {
            time.Advance(step);
            return inner.EmbedAsync(texts, cancellationToken);
        }
    }
}
