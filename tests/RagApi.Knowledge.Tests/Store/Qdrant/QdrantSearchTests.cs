using Qdrant.Client.Grpc;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Qdrant;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Store.Qdrant;

/// <summary>Hybrid search with the Query API, seen as the batch the store sends and the passages it makes of the answer.</summary>
public sealed class QdrantSearchTests
{
    private readonly QdrantHarness _qdrant = new QdrantHarness().Healthy();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private static readonly SearchFilters Guidelines = new(Kinds: [DocumentKind.Guideline]);

    private static PassageQuery Query(SearchMode mode, string text = "amifampridine dosing", int topK = 5) =>
        new(text, FakeEmbedder.Embed(text), Guidelines, topK, mode);

    private async Task<IReadOnlyList<QueryPoints>> SentAsync(PassageQuery query)
    {
        await _qdrant.Store.SearchAsync(query, _ct);
        return _qdrant.Server.Requests<QueryBatchPoints>("Points/QueryBatch").SingleOrDefault()?.QueryPoints.ToList() ?? [];
    }

    [Fact]
    public async Task Hybrid_FusesADenseAndASparsePrefetchWithRrfAtK60_AskingTwiceTopKSoTiesAtTheCutCanBeOrdered()
    {
        var fused = (await SentAsync(Query(SearchMode.Hybrid)))[0];

        Assert.Equal(("dense,bm25", (uint)ReciprocalRankFusion.K, 10ul),
            (string.Join(",", fused.Prefetch.Select(p => p.Using)), fused.Query.Rrf.K, fused.Limit));
    }

    [Fact]
    public async Task Hybrid_SendsTheQueryVectorAndTheQueryTermsToTheirPrefetches()
    {
        var prefetch = (await SentAsync(Query(SearchMode.Hybrid)))[0].Prefetch;

        Assert.Equal(
            [FakeEmbedder.Embed("amifampridine dosing"), Bm25SparseVector.ForQuery("amifampridine dosing").Indices.Select(i => (float)i).ToArray()],
            [prefetch[0].Query.Nearest.Dense.Data.ToArray(), prefetch[1].Query.Nearest.Sparse.Indices.Select(i => (float)i).ToArray()]);
    }

    [Fact]
    public async Task Hybrid_AppliesTheFiltersToBothPrefetches()
    {
        var prefetch = (await SentAsync(Query(SearchMode.Hybrid)))[0].Prefetch;

        Assert.All(prefetch, p => Assert.Equal(QdrantFilters.ForChunks(Guidelines), p.Filter));
    }

    [Fact]
    public async Task Hybrid_AsksForBothPlainRankingsInTheSameBatch_ForTheirScores()
    {
        var sent = await SentAsync(Query(SearchMode.Hybrid));

        Assert.Equal(["", "dense", "bm25"], sent.Select(q => q.Using ?? ""));
    }

    [Fact]
    public async Task Hybrid_NeverFetchesSentenceVectorsWithThePassages()
    {
        var fused = (await SentAsync(Query(SearchMode.Hybrid)))[0];

        Assert.Contains(QdrantPayload.SentenceVectors, fused.WithPayload.Exclude.Fields);
    }

    [Fact]
    public async Task Dense_UsesOnlyTheDenseVector()
    {
        var sent = await SentAsync(Query(SearchMode.Dense));

        Assert.Equal("dense", string.Join(",", sent[0].Prefetch.Select(p => p.Using)));
    }

    [Fact]
    public async Task Lexical_WithoutAQueryVector_AsTheRemoteEmbedderFailingLeavesIt_RanksByBm25AloneWithNoDenseScore()
    {
        // Search degrades to this when the query cannot be embedded (Retriever.RetrieveOrLexicalAsync).
        var document = IndexedDocuments.Build("lems", DocumentKind.Guideline, 2011, "Amifampridine is first-line.", "Dosing starts low.");
        var point = QdrantPoints.ForChunk(document.Chunks[0]);
        _qdrant.Server.Answer = (method, _) => method == "Points/QueryBatch"
            ? new QueryBatchResponse { Result = { new BatchResult { Result = { Scored(point, 0.016f) } }, new BatchResult { Result = { Scored(point, 4.2f) } } } }
            : throw FakeQdrant.Fault(Grpc.Core.StatusCode.Unimplemented, method);
        var query = new PassageQuery("amifampridine dosing", [], Guidelines, 5, SearchMode.Lexical);

        var passage = Assert.Single(await _qdrant.Store.SearchAsync(query, _ct));
        var fused = _qdrant.Server.Requests<QueryBatchPoints>("Points/QueryBatch").Single().QueryPoints[0];

        Assert.Equal(("bm25", (float?)null, (float?)4.2f), (string.Join(",", fused.Prefetch.Select(p => p.Using)), passage.Scores.Dense, passage.Scores.Lexical));
    }

    [Fact]
    public async Task Lexical_QueryOfOnlyStopWords_AsksQdrantNothingAndFindsNothing()
    {
        var passages = await _qdrant.Store.SearchAsync(Query(SearchMode.Lexical, "what is it and how"), _ct);

        Assert.Equal((0, 0), (passages.Count, _qdrant.Server.CallsTo("Points/QueryBatch")));
    }

    [Fact]
    public async Task Hybrid_MapsTheFusedPointsBackToPassagesWithEachRankingsScore()
    {
        var document = IndexedDocuments.Build("lems", DocumentKind.Guideline, 2011, "Amifampridine is first-line.", "Dosing starts low.");
        var (first, second) = (QdrantPoints.ForChunk(document.Chunks[1]), QdrantPoints.ForChunk(document.Chunks[0]));
        _qdrant.Server.Answer = (method, _) => method == "Points/QueryBatch"
            ? new QueryBatchResponse
            {
                Result =
                {
                    new BatchResult { Result = { Scored(first, 0.032f), Scored(second, 0.016f) } },
                    new BatchResult { Result = { Scored(first, 0.81f) } },
                    new BatchResult { Result = { Scored(second, 4.2f), Scored(first, 3.1f) } },
                },
            }
            : throw FakeQdrant.Fault(Grpc.Core.StatusCode.Unimplemented, method);

        var passages = await _qdrant.Store.SearchAsync(Query(SearchMode.Hybrid), _ct);

        Assert.Equal(["lems#001 0.81 3.1 0.032", "lems#000 - 4.2 0.016"],
            passages.Select(p => $"{p.Chunk.ChunkId} {p.Scores.Dense?.ToString() ?? "-"} {p.Scores.Lexical} {p.Scores.Fused}"));
    }

    [Fact]
    public async Task Search_NoCollectionYet_FindsNothing()
    {
        _qdrant.Server.Answer = (method, _) => throw FakeQdrant.Fault(Grpc.Core.StatusCode.NotFound, "Collection `passages` doesn't exist!");

        Assert.Empty(await _qdrant.Store.SearchAsync(Query(SearchMode.Hybrid), _ct));
    }

    [Fact]
    public async Task GetSentenceVectors_ReadsThemByTheChunksPointIds()
    {
        var document = IndexedDocuments.Build("lems", "Amifampridine is first-line. It helps.");
        var point = QdrantPoints.ForChunk(document.Chunks[0]);
        _qdrant.Server.Answer = (method, _) => new GetResponse { Result = { new RetrievedPoint { Id = point.Id, Payload = { point.Payload } } } };

        var vectors = await _qdrant.Store.GetSentenceVectorsAsync(["lems#000"], _ct);

        Assert.Equal((point.Id.Uuid, document.Chunks[0].SentenceVectors),
            (_qdrant.Server.Requests<GetPoints>("Points/Get").Single().Ids.Single().Uuid, vectors["lems#000"]), new SentenceVectorsComparer());
    }

    private static ScoredPoint Scored(PointStruct point, float score) => new() { Id = point.Id, Score = score, Payload = { point.Payload } };

    private sealed class SentenceVectorsComparer : IEqualityComparer<(string, float[][])>
    {
        public bool Equals((string, float[][]) x, (string, float[][]) y) =>
            x.Item1 == y.Item1 && x.Item2.Length == y.Item2.Length && x.Item2.Zip(y.Item2).All(p => p.First.SequenceEqual(p.Second));

        public int GetHashCode((string, float[][]) obj) => obj.Item1.GetHashCode(StringComparison.Ordinal);
    }
}
