using Microsoft.Data.Sqlite;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Embedded;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Store;

/// <summary>
/// The in-memory BM25 index ranks as SQLite's FTS5 bm25() does on the same table (fts5_aux.c: k1 1.2, b 0.75, idf
/// ln((N - n + 0.5) / (n + 0.5)) floored at 1e-6), which stores larger than it holds still use.
/// </summary>
public sealed class LexicalIndexTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    private async Task<SqliteConnection> CorpusAsync()
    {
        var store = _temp.Store;
        await store.EnsureEmbeddingModelAsync(new FakeEmbedder().ModelId, FakeEmbedder.Size, _ct);
        await store.ReplaceDocumentAsync(IndexedDocuments.Build("efns", DocumentKind.Guideline, 2006,
            "3,4-diaminopyridine is the recommended symptomatic treatment of LEMS.",
            "Immunosuppression with prednisone is used when symptomatic treatment of LEMS is not enough."), _ct);
        await store.ReplaceDocumentAsync(IndexedDocuments.Build("review", DocumentKind.Research, 2011,
            "LEMS is caused by antibodies against voltage-gated calcium channels; the antibodies reduce acetylcholine release.",
            "Small-cell lung cancer is found in about half of the patients with LEMS."), _ct);
        await store.ReplaceDocumentAsync(IndexedDocuments.Build("undated", DocumentKind.Research, null,
            "Weakness of the proximal legs is the most common first symptom of LEMS, and treatment improves it."), _ct);
        var connection = new SqliteConnection($"Data Source={_temp.Path};Pooling=False");
        connection.Open();
        return connection;
    }

    public static TheoryData<string, string> QueriesAndFilters() => new()
    {
        { "How is LEMS treated?", "none" },
        { "What antibodies cause LEMS and how do antibodies act?", "none" },
        { "symptomatic treatment of LEMS", "guidelines" },
        { "LEMS treatment", "from 2010" },
        { "LEMS cancer", "review only" },
        { "the of and", "none" },
        { "thymoma", "none" },
    };

    [Theory]
    [MemberData(nameof(QueriesAndFilters))]
    public async Task Ranks_the_rows_FTS5_ranks_with_the_scores_it_gives(string query, string filter)
    {
        using var connection = await CorpusAsync();
        var filters = filter switch
        {
            "guidelines" => new SearchFilters(Kinds: [DocumentKind.Guideline]),
            "from 2010" => new SearchFilters(YearFrom: 2010),
            "review only" => new SearchFilters(DocumentIds: ["review"]),
            _ => SearchFilters.None,
        };

        var fts5 = SqliteLexicalSearch.Search(connection, query, filters, 10);
        var inMemory = SqliteLexicalIndexLoader.Load(connection).Search(query, filters, 10);

        Assert.Equal(fts5, inMemory!);
    }

    [Fact]
    public async Task A_term_in_more_than_half_of_the_rows_still_ranks_them_as_FTS5_does()
    {
        // "lems" is in every row: its idf is below zero and FTS5 floors it at 1e-6 rather than dropping it.
        using var connection = await CorpusAsync();

        AssertSameRowsAsFts5(connection, "LEMS");
    }

    [Fact]
    public async Task A_letter_FTS5_folds_when_indexing_is_matched_as_FTS5_matches_it()
    {
        // unicode61 folds the long s to "s" (and the micro sign to mu), beyond lower-casing: the postings are its tokens.
        using var connection = await CorpusAsync();
        await _temp.Store.ReplaceDocumentAsync(IndexedDocuments.Build("folded", "The ſtatus of the patient improved."), _ct);

        AssertSameRowsAsFts5(connection, "status");
    }

    private static void AssertSameRowsAsFts5(SqliteConnection connection, string query) =>
        Assert.Equal(SqliteLexicalSearch.Search(connection, query, SearchFilters.None, 10).Select(r => r.RowId),
            SqliteLexicalIndexLoader.Load(connection).Search(query, SearchFilters.None, 10)!.Select(r => r.RowId));

    [Fact]
    public async Task A_query_with_a_letter_FTS5_would_fold_is_left_to_FTS5()
    {
        using var connection = await CorpusAsync();

        Assert.Null(SqliteLexicalIndexLoader.Load(connection).Search("50 µg of LEMS treatment", SearchFilters.None, 10));
    }

    [Fact]
    public async Task A_dose_written_with_the_micro_sign_finds_the_passage_written_with_mu()
    {
        await CorpusAsync();
        await _temp.Store.ReplaceDocumentAsync(IndexedDocuments.Build("dose", "The dose was 50 μg daily."), _ct);

        var found = await _temp.Store.SearchAsync(new PassageQuery("µg", FakeEmbedder.Embed("µg"), SearchFilters.None, 5, SearchMode.Lexical), _ct);

        Assert.Equal("dose", found[0].Chunk.DocumentId);
    }
}
