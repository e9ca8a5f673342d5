using Qdrant.Client.Grpc;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Qdrant;

namespace RagApi.Knowledge.Tests.Store.Qdrant;

public sealed class QdrantFiltersTests
{
    private static IReadOnlyList<string> Describe(Filter filter) => filter.Must.Select(c => c.Field switch
    {
        { Match.HasKeyword: true } f => $"{f.Key} = {f.Match.Keyword}",
        { Match.Keywords: not null } f => $"{f.Key} in [{string.Join(", ", f.Match.Keywords.Strings)}]",
        { Range: not null } f => $"{f.Key} >= {f.Range.Gte}",
        var f => $"{f.Key} ?",
    }).ToList();

    [Fact]
    public void ForChunks_NoFilters_KeepsOnlyChunkPoints()
    {
        Assert.Equal(["record = chunk"], Describe(QdrantFilters.ForChunks(SearchFilters.None)));
    }

    [Fact]
    public void ForChunks_AllFilters_BecomeConditionsOnTheIndexedFields()
    {
        var filters = new SearchFilters([DocumentKind.Guideline, DocumentKind.Research], ["lems-review", "mg-guideline"], 2015);

        Assert.Equal(
            ["record = chunk", "kind in [guideline, research]", "document_id in [lems-review, mg-guideline]", "year >= 2015"],
            Describe(QdrantFilters.ForChunks(filters)));
    }

    [Fact]
    public void ForChunks_EmptyLists_AreNoFilterAtAll()
    {
        Assert.Equal(["record = chunk"], Describe(QdrantFilters.ForChunks(new SearchFilters([], []))));
    }

    [Fact]
    public void StaleChunksOf_ExcludesThePointsJustWritten()
    {
        var current = new[] { QdrantPointIds.ForChunk("a#000") };

        var filter = QdrantFilters.StaleChunksOf("a", current);

        Assert.Equal("record = chunk; document_id = a; not " + current[0],
            string.Join("; ", Describe(filter)) + "; not " + filter.MustNot.Single().HasId.HasId.Single().Uuid);
    }

    [Fact]
    public void IndexedFields_CoverEveryFieldAFilterUses()
    {
        var filtered = Describe(QdrantFilters.ForChunks(new SearchFilters([DocumentKind.Guideline], ["x"], 2000))).Select(d => d.Split(' ')[0]);

        Assert.Subset(QdrantCollectionLayout.PayloadIndexes.Select(i => i.Field).ToHashSet(), filtered.ToHashSet());
    }
}
