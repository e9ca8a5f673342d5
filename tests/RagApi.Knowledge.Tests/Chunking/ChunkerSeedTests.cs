using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Chunking;

/// <summary>The chunker against the real MiniLM tokenizer, on every seed document.</summary>
public sealed class ChunkerSeedTests
{
    /// <summary>MiniLM's window, [CLS] and [SEP] included.</summary>
    private const int ModelWindow = 256;

    private static readonly Lazy<IReadOnlyList<SourceDocument>> Seeds = new(() => DocumentSourceLoader.Load(RepositoryPaths.Seeds));

    public static TheoryData<string> SeedIds() => new(Seeds.Value.Select(d => d.Id));

    private static IReadOnlyList<Chunk> ChunkSeed(string id) =>
        new Chunker(RealModel.Embedder).Chunk(Seeds.Value.Single(d => d.Id == id));

    [Fact]
    public void Seeds_AllLoadWithoutProblems()
    {
        Assert.True(Seeds.Value.Count >= 30, $"expected the seed corpus, found {Seeds.Value.Count} documents");
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Chunk_SeedDocument_EveryIndexTextFitsMaxTokensOfTheRealTokenizer(string id)
    {
        var chunks = ChunkSeed(id);

        Assert.All(chunks, c => Assert.InRange(RealModel.Embedder.CountTokens(c.IndexText), 3, new ChunkerOptions().MaxTokens));
    }

    [Fact]
    public void MaxTokens_FitsTheModelWindow()
    {
        Assert.True(new ChunkerOptions().MaxTokens <= ModelWindow);
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Chunk_SeedDocument_EverySentenceIsVerbatimFromTheChunkAndNonEmpty(string id)
    {
        var chunks = ChunkSeed(id);

        Assert.All(chunks, c => Assert.All(c.Sentences, s => Assert.True(s.Length > 0 && s.End <= c.Text.Length && s.Of(c.Text).Trim() == s.Of(c.Text))));
    }

    [Fact]
    public void Chunk_RunOnSentenceOfSixHundredWords_IsSplitToFitTheRealWindowWithEveryWordKept()
    {
        var words = Enumerable.Range(0, 600).Select(i => $"acetylcholinesterase{i}").ToArray();
        var document = TestDocuments.Source("run-on", string.Join(' ', words) + ".");

        var chunks = new Chunker(RealModel.Embedder, new ChunkerOptions { OverlapSentences = 0 }).Chunk(document);

        Assert.Equal(
            (true, string.Join(' ', words) + "."),
            (chunks.All(c => RealModel.Embedder.CountTokens(c.IndexText) <= new ChunkerOptions().MaxTokens), string.Join(' ', chunks.Select(c => c.Text))));
    }
}
