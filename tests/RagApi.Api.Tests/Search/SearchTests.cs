using RagApi.Testing;

namespace RagApi.Api.Tests.Search;

public sealed class SearchTests(SeedIndex index) : IAsyncDisposable
{
    private const string Query = "voltage-gated calcium channel antibodies in Lambert-Eaton myasthenic syndrome";

    private readonly RagApiApplication _app = new(index);

    [Fact]
    public async Task Search_returns_passages_best_first_by_fused_score()
    {
        var search = await _app.SearchAsync(new { query = Query });

        var fused = search.Passages.Select(p => p.Scores.Fused).ToList();
        Assert.Equal(fused.OrderByDescending(f => f), fused);
    }

    [Fact]
    public async Task Search_returns_the_default_number_of_passages()
    {
        var search = await _app.SearchAsync(new { query = Query });

        Assert.Equal(8, search.Passages.Count);
    }

    [Fact]
    public async Task Search_returns_at_most_top_k_passages()
    {
        var search = await _app.SearchAsync(new { query = Query, topK = 3 });

        Assert.Equal(3, search.Passages.Count);
    }

    [Fact]
    public async Task A_passage_found_by_both_rankings_carries_dense_lexical_and_fused_scores()
    {
        var search = await _app.SearchAsync(new { query = Query });

        var best = search.Passages[0].Scores;
        Assert.True(best is { Dense: > 0, Lexical: > 0, Fused: > 0 }, $"The best passage's scores are {best}.");
    }

    [Fact]
    public async Task Every_passage_has_a_positive_fused_score_and_at_least_one_ranking_score()
    {
        var search = await _app.SearchAsync(new { query = Query });

        Assert.All(search.Passages, p => Assert.True(p.Scores.Fused > 0 && (p.Scores.Dense is not null || p.Scores.Lexical is not null), $"{p.ChunkId}: {p.Scores}"));
    }

    [Fact]
    public async Task The_best_passage_for_a_lambert_eaton_query_comes_from_a_lambert_eaton_document()
    {
        var search = await _app.SearchAsync(new { query = Query });

        Assert.StartsWith("lems-", search.Passages[0].DocumentId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_echoes_the_trimmed_query()
    {
        var search = await _app.SearchAsync(new { query = $"  {Query}  " });

        Assert.Equal(Query, search.Query);
    }

    [Fact]
    public async Task Search_honours_the_kind_filter()
    {
        var search = await _app.SearchAsync(new { query = Query, filters = new { kinds = new[] { "guideline" } } });

        Assert.All(search.Passages, p => Assert.Equal("guideline", p.Kind));
    }

    [Fact]
    public async Task Search_honours_the_source_filter()
    {
        const string document = "lems-delta-p-score-titulaer-2011";

        var search = await _app.SearchAsync(new { query = Query, filters = new { sourceIds = new[] { document } } });

        Assert.All(search.Passages, p => Assert.Equal(document, p.DocumentId));
    }

    [Fact]
    public async Task Search_honours_the_year_filter()
    {
        var search = await _app.SearchAsync(new { query = Query, filters = new { yearFrom = 2019 } });

        Assert.All(search.Passages, p => Assert.True(p.Year >= 2019, $"{p.DocumentId} is from {p.Year}."));
    }

    [Fact]
    public async Task Passages_are_distinct_chunks()
    {
        var search = await _app.SearchAsync(new { query = Query, topK = 20 });

        Assert.Equal(search.Passages.Count, search.Passages.Select(p => p.ChunkId).Distinct().Count());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
