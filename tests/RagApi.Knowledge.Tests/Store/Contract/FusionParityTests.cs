using Qdrant.Client.Grpc;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Qdrant;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Store.Contract;

/// <summary>
/// The embedded store fuses with <see cref="ReciprocalRankFusion.Fuse{TKey}"/>; Qdrant fuses on the server. For the same
/// two rankings both must give the same fused scores in the same order. Qdrant's side is <see cref="QdrantRrf"/>, a
/// port of the server's formula (position from 0) that leaves ties in an order of its own, as the server does.
/// </summary>
public sealed class FusionParityTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static readonly IndexedDocument Document = IndexedDocuments.Build("lems", DocumentKind.Guideline, 2011,
        "Amifampridine is first-line.", "Dosing starts low.", "Seizures limit the dose.", "IVIg helps.", "Screen for cancer.", "Repeat the CT.");

    private async Task<IReadOnlyList<(string ChunkId, float Score)>> QdrantFusedAsync(int[] dense, int[] sparse, int topK)
    {
        var points = Document.Chunks.Select(QdrantPoints.ForChunk).ToList();
        ScoredPoint Scored(int chunk, int position) => new() { Id = points[chunk].Id, Score = 10f - position, Payload = { points[chunk].Payload } };
        var qdrant = new QdrantHarness();
        qdrant.Server.Answer = (method, request) => method == "Points/QueryBatch"
            ? QdrantRrf.Answer((QueryBatchPoints)request, dense.Select(Scored).ToList(), sparse.Select(Scored).ToList())
            : throw FakeQdrant.Fault(Grpc.Core.StatusCode.Unimplemented, method);
        var passages = await qdrant.Store.SearchAsync(new PassageQuery("amifampridine", FakeEmbedder.Embed("amifampridine"), SearchFilters.None, topK), _ct);
        return passages.Select(p => (p.Chunk.ChunkId, p.Scores.Fused)).ToList();
    }

    private static IReadOnlyList<(string ChunkId, float Score)> EmbeddedFused(int[] dense, int[] sparse, int topK) =>
        ReciprocalRankFusion.Fuse(dense.Select(ChunkId).ToList(), sparse.Select(ChunkId).ToList()).Take(topK).ToList();

    private static string ChunkId(int chunk) => Document.Chunks[chunk].Chunk.ChunkId;

    [Fact]
    public async Task The_top_of_one_ranking_scores_one_over_k_in_both_stores_as_Qdrant_counts_positions_from_zero()
    {
        var qdrant = await QdrantFusedAsync([0], [], topK: 1);

        Assert.Equal([(ChunkId(0), 1f / ReciprocalRankFusion.K), (ChunkId(0), 1f / ReciprocalRankFusion.K)], [qdrant.Single(), EmbeddedFused([0], [], topK: 1).Single()]);
    }

    [Fact]
    public async Task Mirrored_rankings_full_of_ties_give_the_same_scores_and_order_in_both_stores()
    {
        int[] dense = [0, 1, 2, 3, 5], sparse = [3, 2, 1, 0, 4];

        Assert.Equal(EmbeddedFused(dense, sparse, topK: 6), await QdrantFusedAsync(dense, sparse, topK: 6));
    }

    [Fact]
    public async Task A_tie_straddling_the_cut_keeps_the_same_passage_in_both_stores()
    {
        int[] dense = [0, 1, 2, 3], sparse = [3, 2, 1, 0];

        Assert.Equal(EmbeddedFused(dense, sparse, topK: 3), await QdrantFusedAsync(dense, sparse, topK: 3));
    }
}
