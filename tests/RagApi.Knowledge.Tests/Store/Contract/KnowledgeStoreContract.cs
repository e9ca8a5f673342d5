using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Store.Contract;

/// <summary>
/// What every store must do, whatever it is built on: the same writes, filters and rankings, so the composer
/// cannot tell the stores apart. Each subclass opens an empty store of its kind per test.
/// </summary>
public abstract class KnowledgeStoreContract : IAsyncDisposable
{
    private static readonly string Model = new FakeEmbedder().ModelId;
    private static readonly string[] ThreeChunks = ["Amifampridine improves strength.", "Prednisone is added when needed.", "Tumour screening uses CT."];
    private IKnowledgeStore? _store;

    protected CancellationToken Ct { get; } = TestContext.Current.CancellationToken;

    /// <summary>An empty store of this kind, or a skip with the reason it cannot run here.</summary>
    protected abstract Task<IKnowledgeStore> OpenEmptyStoreAsync();

    public async ValueTask DisposeAsync()
    {
        await DisposeStoreAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes what <see cref="OpenEmptyStoreAsync"/> made.</summary>
    protected virtual ValueTask DisposeStoreAsync() => ValueTask.CompletedTask;

    private async Task<IKnowledgeStore> StoreAsync() => _store ??= await OpenEmptyStoreAsync();

    private async Task<IKnowledgeStore> StoreWithAsync(params IndexedDocument[] documents)
    {
        var store = await StoreAsync();
        await store.EnsureEmbeddingModelAsync(Model, FakeEmbedder.Size, Ct);
        foreach (var document in documents) await store.ReplaceDocumentAsync(document, Ct);
        return store;
    }

    private async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(IKnowledgeStore store, string text, SearchMode mode, SearchFilters? filters = null, float[]? vector = null) =>
        await store.SearchAsync(new PassageQuery(text, vector ?? FakeEmbedder.Embed(text), filters ?? SearchFilters.None, 10, mode), Ct);

    [Theory]
    [InlineData(SearchMode.Dense)]
    [InlineData(SearchMode.Lexical)]
    [InlineData(SearchMode.Hybrid)]
    public async Task An_empty_store_finds_nothing(SearchMode mode)
    {
        var store = await StoreWithAsync();

        Assert.Empty(await SearchAsync(store, "proximal weakness", mode));
    }

    [Fact]
    public async Task A_calibration_saved_with_the_model_binding_reads_back_and_keeps_the_binding()
    {
        var store = await StoreWithAsync();
        var calibration = new ModelCalibration(Model, 0.3125f, 0.4375f);

        await store.SaveCalibrationAsync(calibration, Ct);

        Assert.Equal((calibration, Model), (await store.GetCalibrationAsync(Ct), (await store.GetStatisticsAsync(Ct)).EmbeddingModel));
    }

    [Fact]
    public async Task The_top_passage_of_a_single_ranking_fuses_to_one_over_k_as_Qdrant_scores_it()
    {
        var store = await StoreWithAsync(IndexedDocuments.Build("lems", ThreeChunks));

        var best = (await SearchAsync(store, "amifampridine", SearchMode.Lexical))[0];

        Assert.Equal(1f / ReciprocalRankFusion.K, best.Scores.Fused);
    }

    [Fact]
    public async Task An_empty_store_has_no_documents_and_no_hashes()
    {
        var store = await StoreWithAsync();

        Assert.Equal((0, 0, 0, true), ((await store.GetStatisticsAsync(Ct)).Documents, (await store.GetStatisticsAsync(Ct)).Chunks,
            (await store.GetContentHashesAsync(Ct)).Count, await store.GetDocumentAsync("lems", Ct) is null));
    }

    [Fact]
    public async Task A_written_document_reads_back_chunk_for_chunk()
    {
        var document = IndexedDocuments.Build("lems", ThreeChunks);
        var store = await StoreWithAsync(document);

        var stored = await store.GetDocumentAsync("lems", Ct);

        Assert.Equal(
            document.Chunks.Select(c => (c.Chunk.ChunkId, c.Chunk.Ordinal, c.Chunk.SectionPath, c.Chunk.Text, string.Join(';', c.Chunk.Sentences), c.Chunk.Document)),
            stored!.Chunks.Select(c => (c.ChunkId, c.Ordinal, c.SectionPath, c.Text, string.Join(';', c.Sentences), c.Document)));
    }

    [Fact]
    public async Task Writing_a_document_twice_keeps_one_copy()
    {
        var store = await StoreWithAsync(IndexedDocuments.Build("lems", ThreeChunks), IndexedDocuments.Build("lems", ThreeChunks));

        var statistics = await store.GetStatisticsAsync(Ct);

        Assert.Equal((1, 3), (statistics.Documents, statistics.Chunks));
    }

    [Fact]
    public async Task A_shorter_new_version_drops_the_old_chunks()
    {
        var store = await StoreWithAsync(IndexedDocuments.Build("lems", ThreeChunks), IndexedDocuments.Build("lems", "Amifampridine improves strength."));

        Assert.Equal((1, 0), ((await store.GetStatisticsAsync(Ct)).Chunks, (await SearchAsync(store, "tumour screening", SearchMode.Lexical)).Count));
    }

    [Fact]
    public async Task The_content_hash_of_each_document_is_readable()
    {
        var (lems, mg) = (IndexedDocuments.Build("lems", ThreeChunks), IndexedDocuments.Build("mg", "Pyridostigmine is first-line."));
        var store = await StoreWithAsync(lems, mg);

        Assert.Equal(new Dictionary<string, string> { ["lems"] = lems.ContentHash, ["mg"] = mg.ContentHash }, await store.GetContentHashesAsync(Ct));
    }

    [Fact]
    public async Task Pruning_removes_the_documents_and_everything_searchable_of_them()
    {
        var store = await StoreWithAsync(IndexedDocuments.Build("lems", ThreeChunks), IndexedDocuments.Build("mg", "Pyridostigmine is first-line."));

        await store.DeleteDocumentsAsync(["lems"], Ct);

        Assert.Equal((1, 1, "mg", 0), ((await store.GetStatisticsAsync(Ct)).Documents, (await store.GetStatisticsAsync(Ct)).Chunks,
            string.Join(",", (await store.GetContentHashesAsync(Ct)).Keys), (await SearchAsync(store, "amifampridine prednisone", SearchMode.Lexical)).Count));
    }

    public static TheoryData<SearchMode, string> ModesAndFilters()
    {
        var data = new TheoryData<SearchMode, string>();
        foreach (var mode in Enum.GetValues<SearchMode>())
            foreach (var filter in new[] { "kind", "ids", "yearFrom", "all three" })
                data.Add(mode, filter);
        return data;
    }

    [Theory]
    [MemberData(nameof(ModesAndFilters))]
    public async Task A_filter_returns_only_the_documents_it_admits(SearchMode mode, string filter)
    {
        var store = await StoreWithAsync(
            IndexedDocuments.Build("guideline-2010", DocumentKind.Guideline, 2010, "Proximal weakness in guideline from 2010."),
            IndexedDocuments.Build("guideline-2020", DocumentKind.Guideline, 2020, "Proximal weakness in guideline from 2020."),
            IndexedDocuments.Build("research-2015", DocumentKind.Research, 2015, "Proximal weakness in research from 2015."),
            IndexedDocuments.Build("research-undated", DocumentKind.Research, null, "Proximal weakness in undated research."));
        var (filters, expected) = filter switch
        {
            "kind" => (new SearchFilters(Kinds: [DocumentKind.Guideline]), new[] { "guideline-2010", "guideline-2020" }),
            "ids" => (new SearchFilters(DocumentIds: ["research-2015", "guideline-2010"]), ["guideline-2010", "research-2015"]),
            "yearFrom" => (new SearchFilters(YearFrom: 2015), ["guideline-2020", "research-2015"]),
            _ => (new SearchFilters([DocumentKind.Research], ["research-2015", "research-undated", "guideline-2020"], 2012), ["research-2015"]),
        };

        var passages = await SearchAsync(store, "proximal weakness", mode, filters);

        Assert.Equal(expected, passages.Select(p => p.Chunk.DocumentId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Hybrid_ranks_a_passage_found_by_both_rankings_first()
    {
        // Dense order: dense-only, both, filler-1, filler-2, lexical-only. Lexical order: lexical-only, both.
        var store = await StoreWithAsync(
            IndexedDocuments.Build("dense-only", DocumentKind.Research, 2020, ("Calcium channel blockade at the nerve terminal.", IndexedDocuments.Direction(1, 0))),
            IndexedDocuments.Build("both", DocumentKind.Research, 2020, ("Amifampridine is given for weakness in patients with this syndrome at the nerve terminal.", IndexedDocuments.Direction(0.9f, 0.436f))),
            IndexedDocuments.Build("filler-1", DocumentKind.Research, 2020, ("Reflexes return after exercise.", IndexedDocuments.Direction(0.8f, 0.6f))),
            IndexedDocuments.Build("filler-2", DocumentKind.Research, 2020, ("Dry mouth is common.", IndexedDocuments.Direction(0.7f, 0.714f))),
            IndexedDocuments.Build("lexical-only", DocumentKind.Research, 2020, ("Amifampridine, amifampridine.", IndexedDocuments.Direction(0, 1))));

        var passages = await SearchAsync(store, "amifampridine", SearchMode.Hybrid, vector: IndexedDocuments.Direction(1, 0));

        Assert.Equal("both", passages[0].Chunk.DocumentId);
    }

    [Fact]
    public async Task Dense_reports_the_cosine_and_no_lexical_score()
    {
        var store = await StoreWithAsync(IndexedDocuments.Build("a", DocumentKind.Research, 2020, ("Some text.", IndexedDocuments.Direction(3, 4))));

        var passage = Assert.Single(await SearchAsync(store, "text", SearchMode.Dense, vector: IndexedDocuments.Direction(1, 0)));

        Assert.Equal((0.6f, (float?)null), (MathF.Round(passage.Scores.Dense!.Value, 4), passage.Scores.Lexical));
    }

    [Fact]
    public async Task Lexical_search_matches_a_plural_with_its_singular_through_the_shared_analyzer()
    {
        var store = await StoreWithAsync(IndexedDocuments.Build("lems", "Antibodies against VGCC are found."), IndexedDocuments.Build("mg", "Thymectomy helps."));

        var passage = Assert.Single(await SearchAsync(store, "which antibody", SearchMode.Lexical));

        Assert.Equal("lems", passage.Chunk.DocumentId);
    }

    [Fact]
    public async Task Lexical_search_ranks_the_chunk_with_more_occurrences_first()
    {
        var store = await StoreWithAsync(IndexedDocuments.Build("once", "Amifampridine is one option among several drugs used for weakness."),
            IndexedDocuments.Build("twice", "Amifampridine, amifampridine again."));

        Assert.Equal(["twice", "once"], (await SearchAsync(store, "amifampridine", SearchMode.Lexical)).Select(p => p.Chunk.DocumentId));
    }

    [Fact]
    public async Task Sentence_vectors_read_back_as_written()
    {
        var document = IndexedDocuments.Build("lems", "Amifampridine is first-line. It improves strength.");
        var store = await StoreWithAsync(document);

        var vectors = await store.GetSentenceVectorsAsync(["lems#000"], Ct);

        Assert.Equal(document.Chunks[0].SentenceVectors.Select(v => string.Join(',', v)), vectors["lems#000"].Select(v => string.Join(',', v)));
    }

    [Fact]
    public async Task A_store_built_with_one_model_refuses_another()
    {
        var store = await StoreWithAsync();

        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => store.EnsureEmbeddingModelAsync("other/model", FakeEmbedder.Size, Ct));
    }
}
