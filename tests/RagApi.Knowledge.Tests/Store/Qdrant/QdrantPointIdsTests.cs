using RagApi.Knowledge.Storage.Qdrant;

namespace RagApi.Knowledge.Tests.Store.Qdrant;

public sealed class QdrantPointIdsTests
{
    [Fact]
    public void NameBased_MatchesTheRfcVersion5ExampleForTheDnsNamespace()
    {
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), QdrantPointIds.NameBased(dns, "www.example.com"));
    }

    [Fact]
    public void ForChunk_SameChunkId_GivesTheSameIdEveryTime()
    {
        Assert.Equal(QdrantPointIds.ForChunk("lems-review#003"), QdrantPointIds.ForChunk("lems-review#003"));
    }

    [Fact]
    public void ForChunk_IsPinned_SoStoredPointsKeepTheirIdsAcrossReleases()
    {
        Assert.Equal("5", QdrantPointIds.ForChunk("lems-review#003").ToString()[14..15]);
        Assert.Equal(QdrantPointIds.NameBased(new Guid("6f1d3a2e-4b7c-5e8f-9a0b-1c2d3e4f5a6b"), "chunk:lems-review#003"), QdrantPointIds.ForChunk("lems-review#003"));
    }

    [Fact]
    public void ForChunk_AndForDocument_NeverCollideForTheSameName()
    {
        Assert.NotEqual(QdrantPointIds.ForChunk("lems-review"), QdrantPointIds.ForDocument("lems-review"));
    }

    [Fact]
    public void ForChunk_DifferentChunks_GetDifferentIds()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => QdrantPointIds.ForChunk($"doc#{i:D3}")).ToHashSet();

        Assert.Equal(1000, ids.Count);
    }
}
