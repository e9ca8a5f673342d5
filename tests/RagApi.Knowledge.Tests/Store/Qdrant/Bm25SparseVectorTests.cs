using RagApi.Knowledge.Storage.Qdrant;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Tests.Store.Qdrant;

public sealed class Bm25SparseVectorTests
{
    [Fact]
    public void ForDocument_IndexesTheAnalyzersTerms()
    {
        var (_, indices) = Bm25SparseVector.ForDocument("The antibodies of the syndromes");

        Assert.Equal(TextAnalyzer.Terms("The antibodies of the syndromes").Select(Bm25SparseVector.IndexOf).Order(), indices);
    }

    [Fact]
    public void ForQuery_APluralMatchesTheSingularsIndex()
    {
        Assert.Equal(Bm25SparseVector.ForQuery("antibody").Indices, Bm25SparseVector.ForQuery("antibodies").Indices);
    }

    [Fact]
    public void ForDocument_GivesEachTermOneSortedIndex()
    {
        var (values, indices) = Bm25SparseVector.ForDocument("weakness weakness weakness improves; weakness");

        Assert.Equal([.. indices.Order().Distinct()], indices);
        Assert.Equal(2, values.Length);
    }

    [Fact]
    public void ForDocument_MoreOccurrencesWeighMoreButSaturateBelowKPlusOne()
    {
        var once = Bm25SparseVector.ForDocument("amifampridine").Values[0];
        var often = Bm25SparseVector.ForDocument(string.Join(' ', Enumerable.Repeat("amifampridine", 50))).Values[0];

        Assert.True(once < often && often < Bm25SparseVector.K1 + 1, $"once {once}, often {often}");
    }

    [Fact]
    public void ForDocument_TheSameTermWeighsLessInALongerChunk()
    {
        var shortChunk = Bm25SparseVector.ForDocument("amifampridine helps").Values;
        var longChunk = Bm25SparseVector.ForDocument("amifampridine " + string.Join(' ', Enumerable.Range(0, 200).Select(i => $"filler{i}")));
        var index = Bm25SparseVector.IndexOf("amifampridine");

        Assert.True(longChunk.Values[Array.IndexOf(longChunk.Indices, index)] < shortChunk.Max());
    }

    [Fact]
    public void ForQuery_WeighsEachDistinctTermOnce_LeavingIdfToQdrant()
    {
        var (values, indices) = Bm25SparseVector.ForQuery("weakness and weakness in LEMS");

        Assert.Equal("1 1 / 2 terms", $"{string.Join(' ', values)} / {indices.Length} terms");
    }

    [Fact]
    public void ForQuery_OnlyStopWords_IsEmpty()
    {
        Assert.Empty(Bm25SparseVector.ForQuery("what is it and how").Indices);
    }

    [Fact]
    public void IndexOf_IsFnv1aOfTheUtf8Bytes_StableAcrossProcesses()
    {
        Assert.Equal(0xe40c292cu, Bm25SparseVector.IndexOf("a"));
    }
}
