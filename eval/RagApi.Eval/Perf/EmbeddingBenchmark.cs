using RagApi.Knowledge.Chunking;
using RagApi.Knowledge.Documents;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Indexing;
using RagApi.Knowledge.Store.Embedded;

namespace RagApi.Eval.Perf;

/// <summary>Raw MiniLM throughput at batch 1 and 16 on real seed sentences, and the indexer's rate beside it.</summary>
internal static class EmbeddingBenchmark
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(MiniLmEmbedder embedder, IReadOnlyList<SourceDocument> seeds, string storePath, CancellationToken cancellationToken)
    {
        var chunker = new Chunker(embedder);
        var sentences = seeds.SelectMany(chunker.Chunk).SelectMany(c => c.Sentences.Select(s => s.Of(c.Text))).ToList();
        await embedder.EmbedAsync(sentences.Take(16).ToList(), cancellationToken);

        var single = sentences.Take(96).ToList();
        var singleMs = await Measure.MillisecondsAsync(async () =>
        {
            foreach (var sentence in single) await embedder.EmbedAsync([sentence], cancellationToken);
        });
        var batched = sentences.Take(384).ToList();
        var batchedMs = await Measure.MillisecondsAsync(() => embedder.EmbedAsync(batched, cancellationToken));
        var perSecond1 = single.Count / (singleMs / 1000);
        var perSecond16 = batched.Count / (batchedMs / 1000);

        var pipeline = new IndexingPipeline(new SqliteKnowledgeStore(storePath), embedder, chunker, TimeProvider.System);
        var summary = await pipeline.RunAsync(seeds, prune: false, progress: null, cancellationToken);
        var texts = summary.Chunks + seeds.SelectMany(chunker.Chunk).Sum(c => c.Sentences.Count);
        var textsPerSecond = texts / summary.Elapsed.TotalSeconds;
        return
        [
            new Figure("MiniLM batch 1 (sentences/s)", perSecond1, "texts/s", "MiniLM batch 16", perSecond16),
            new Figure("MiniLM batch 16 (sentences/s)", perSecond16, "texts/s", "MiniLM batch 16", perSecond16),
            new Figure($"indexer texts/s ({summary.Chunks} chunks + sentences)", textsPerSecond, "texts/s", "MiniLM batch 16 (its ceiling)", perSecond16),
            new Figure("indexer chunks/s", summary.ChunksPerSecond, "chunks/s", $"ceiling: batch 16 / {(double)texts / summary.Chunks:F1} texts per chunk", perSecond16 * summary.Chunks / texts),
        ];
    }
}
