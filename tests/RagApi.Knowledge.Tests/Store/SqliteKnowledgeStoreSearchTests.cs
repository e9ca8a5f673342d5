using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Embedded;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Store;

public sealed class SqliteKnowledgeStoreSearchTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private SqliteKnowledgeStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    private async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(string text, SearchMode mode, SearchFilters? filters = null, int topK = 10, float[]? vector = null) =>
        await Store.SearchAsync(new PassageQuery(text, vector ?? FakeEmbedder.Embed(text), filters ?? SearchFilters.None, topK, mode), _ct);

    private async Task AddAsync(params IndexedDocument[] documents)
    {
        await Store.EnsureEmbeddingModelAsync(new FakeEmbedder().ModelId, FakeEmbedder.Size, _ct);
        foreach (var document in documents) await Store.ReplaceDocumentAsync(document, _ct);
    }

    /// <summary>Four documents that all mention weakness: two guidelines and two research, one without a year.</summary>
    private Task AddFilterCorpusAsync() => AddAsync(
        IndexedDocuments.Build("guideline-2010", DocumentKind.Guideline, 2010, "Proximal weakness in guideline from 2010."),
        IndexedDocuments.Build("guideline-2020", DocumentKind.Guideline, 2020, "Proximal weakness in guideline from 2020."),
        IndexedDocuments.Build("research-2015", DocumentKind.Research, 2015, "Proximal weakness in research from 2015."),
        IndexedDocuments.Build("research-undated", DocumentKind.Research, null, "Proximal weakness in undated research."));

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
    public async Task Search_WithAFilter_ReturnsOnlyTheDocumentsItAdmits(SearchMode mode, string filter)
    {
        await AddFilterCorpusAsync();
        var (filters, expected) = filter switch
        {
            "kind" => (new SearchFilters(Kinds: [DocumentKind.Guideline]), new[] { "guideline-2010", "guideline-2020" }),
            "ids" => (new SearchFilters(DocumentIds: ["research-2015", "guideline-2010"]), ["guideline-2010", "research-2015"]),
            "yearFrom" => (new SearchFilters(YearFrom: 2015), ["guideline-2020", "research-2015"]),
            _ => (new SearchFilters([DocumentKind.Research], ["research-2015", "research-undated", "guideline-2020"], 2012), ["research-2015"]),
        };

        var passages = await SearchAsync("proximal weakness", mode, filters);

        Assert.Equal(expected, passages.Select(p => p.Chunk.DocumentId).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(SearchMode.Dense)]
    [InlineData(SearchMode.Lexical)]
    [InlineData(SearchMode.Hybrid)]
    public async Task Search_WithoutFilters_ReturnsEveryMatchingDocument(SearchMode mode)
    {
        await AddFilterCorpusAsync();

        var passages = await SearchAsync("proximal weakness", mode);

        Assert.Equal(4, passages.Count);
    }

    [Theory]
    [InlineData(SearchMode.Dense)]
    [InlineData(SearchMode.Lexical)]
    [InlineData(SearchMode.Hybrid)]
    public async Task Search_EmptyStore_ReturnsNothing(SearchMode mode)
    {
        await Store.EnsureEmbeddingModelAsync(new FakeEmbedder().ModelId, FakeEmbedder.Size, _ct);

        Assert.Empty(await SearchAsync("proximal weakness", mode));
    }

    [Fact]
    public async Task Search_StoreNeverBoundToAModel_ReturnsNothing()
    {
        Assert.Empty(await SearchAsync("proximal weakness", SearchMode.Hybrid));
    }

    [Fact]
    public async Task Search_TopK_LimitsThePassages()
    {
        await AddFilterCorpusAsync();

        Assert.Equal(2, (await SearchAsync("proximal weakness", SearchMode.Hybrid, topK: 2)).Count);
    }

    [Fact]
    public async Task Search_Lexical_MatchesAPluralWithItsSingular()
    {
        await AddAsync(IndexedDocuments.Build("lems", "Antibodies against VGCC are found."), IndexedDocuments.Build("mg", "Thymectomy helps."));

        var passage = Assert.Single(await SearchAsync("which antibody", SearchMode.Lexical));

        Assert.Equal("lems", passage.Chunk.DocumentId);
    }

    [Fact]
    public async Task Search_LexicalQueryOfOnlyStopWords_ReturnsNothing()
    {
        await AddFilterCorpusAsync();

        Assert.Empty(await SearchAsync("what is it and how", SearchMode.Lexical));
    }

    [Fact]
    public async Task Search_Lexical_RanksTheChunkWithMoreOccurrencesFirst()
    {
        await AddAsync(IndexedDocuments.Build("once", "Amifampridine is one option among several drugs used for weakness."),
            IndexedDocuments.Build("twice", "Amifampridine, amifampridine again."));

        var passages = await SearchAsync("amifampridine", SearchMode.Lexical);

        Assert.Equal(["twice", "once"], passages.Select(p => p.Chunk.DocumentId));
    }

    [Fact]
    public async Task Search_Dense_ReportsTheCosineAsTheDenseScoreAndNoLexicalScore()
    {
        await AddAsync(IndexedDocuments.Build("a", DocumentKind.Research, 2020, ("Some text.", IndexedDocuments.Direction(3, 4))));

        var passage = Assert.Single(await SearchAsync("text", SearchMode.Dense, vector: IndexedDocuments.Direction(1, 0)));

        Assert.Equal((0.6f, (float?)null), (MathF.Round(passage.Scores.Dense!.Value, 4), passage.Scores.Lexical));
    }

    [Fact]
    public async Task Search_Hybrid_RanksAPassageMatchingBothDenseAndLexicalFirst()
    {
        // Dense order: dense-only, both, filler-1, filler-2, lexical-only. Lexical order: lexical-only, both.
        await AddAsync(
            IndexedDocuments.Build("dense-only", DocumentKind.Research, 2020, ("Calcium channel blockade at the nerve terminal.", IndexedDocuments.Direction(1, 0))),
            IndexedDocuments.Build("both", DocumentKind.Research, 2020, ("Amifampridine is given for weakness in patients with this syndrome at the nerve terminal.", IndexedDocuments.Direction(0.9f, 0.436f))),
            IndexedDocuments.Build("filler-1", DocumentKind.Research, 2020, ("Reflexes return after exercise.", IndexedDocuments.Direction(0.8f, 0.6f))),
            IndexedDocuments.Build("filler-2", DocumentKind.Research, 2020, ("Dry mouth is common.", IndexedDocuments.Direction(0.7f, 0.714f))),
            IndexedDocuments.Build("lexical-only", DocumentKind.Research, 2020, ("Amifampridine, amifampridine.", IndexedDocuments.Direction(0, 1))));

        var passages = await SearchAsync("amifampridine", SearchMode.Hybrid, vector: IndexedDocuments.Direction(1, 0));

        Assert.Equal("both", passages[0].Chunk.DocumentId);
    }

    [Fact]
    public async Task Search_Hybrid_ReportsBothScoresForAPassageFoundByBoth()
    {
        await AddAsync(IndexedDocuments.Build("a", "Amifampridine improves strength."));

        var passage = Assert.Single(await SearchAsync("amifampridine", SearchMode.Hybrid));

        Assert.Equal((true, true, 2f / ReciprocalRankFusion.K), (passage.Scores.Dense is not null, passage.Scores.Lexical > 0, passage.Scores.Fused));
    }
}
