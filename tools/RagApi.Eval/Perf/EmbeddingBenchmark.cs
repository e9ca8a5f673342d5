using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Storage.Embedded;

namespace RagApi.Eval.Perf;

/// <summary>Raw MiniLM throughput at batch 1 and 16 on real seed sentences, and the indexer's rate beside it.</summary>
internal static class EmbeddingBenchmark
{
    private const int BatchSize = 16;

    /// <summary>Token positions the model computes: each batch is padded to its longest text.</summary>
    private static long PaddedTokens(MiniLmEmbedder embedder, IEnumerable<List<string>> documents, bool sort) =>
        documents.Sum(texts =>
        {
            var counts = texts.Select(embedder.CountTokens).ToList();
            var order = sort ? Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToList() : Enumerable.Range(0, texts.Count).ToList();
            return order.Chunk(BatchSize).Sum(batch => (long)batch.Length * batch.Max(i => counts[i]));
        });

    private static long RealTokens(MiniLmEmbedder embedder, IEnumerable<List<string>> documents) =>
        documents.Sum(texts => texts.Sum(t => (long)embedder.CountTokens(t)));

    public static async Task<IReadOnlyList<Figure>> RunAsync(MiniLmEmbedder embedder, IReadOnlyList<SourceDocument> seeds, string storePath, CancellationToken cancellationToken)
    {
        var chunker = new Chunker(embedder);
        var sentences = seeds.SelectMany(chunker.Chunk).SelectMany(c => c.Sentences.Select(s => s.Of(c.Text))).ToList();
        await embedder.EmbedAsync(sentences.Take(16).ToList(), cancellationToken);

        var single = sentences.Take(96).ToList();
        var (singleMs, singleCpu) = await Measure.WallAndCpuAsync(async () =>
        {
            foreach (var sentence in single) await embedder.EmbedAsync([sentence], cancellationToken);
        });
        var batched = sentences.Take(384).ToList();
        var (batchedMs, batchedCpu) = await Measure.WallAndCpuAsync(() => embedder.EmbedAsync(batched, cancellationToken));
        var perSecond1 = single.Count / (singleMs / 1000);
        var perSecond16 = batched.Count / (batchedMs / 1000);

        // What the indexer embeds, per document, and the model alone on the same texts (its ceiling for them).
        var indexerTexts = seeds.Select(d => IndexingPipeline.TextsToEmbed(chunker.Chunk(d)).ToList()).ToList();
        var texts = indexerTexts.Sum(t => t.Count);
        var sample = indexerTexts.SelectMany(t => t).Take(384).ToList();
        var (sampleMs, sampleCpu) = await Measure.WallAndCpuAsync(() => embedder.EmbedAsync(sample, cancellationToken));
        var ceiling = sample.Count / (sampleMs / 1000);
        var chunks = 0;
        var (indexMs, indexCpu) = await Measure.WallAndCpuAsync(async () => chunks = await IndexAsync(embedder, seeds, storePath, cancellationToken));
        return
        [
            new Figure("MiniLM batch 1 (sentences/s)", perSecond1, "texts/s", "MiniLM batch 16", perSecond16),
            new Figure("MiniLM batch 1 per CPU-second", single.Count / singleCpu, "texts/cpu-s", "MiniLM batch 16 per CPU-second", batched.Count / batchedCpu),
            new Figure("MiniLM batch 16 (sentences/s)", perSecond16, "texts/s", "MiniLM batch 16", perSecond16),
            new Figure($"indexer texts/s ({texts} model passes for {chunks} chunks)", texts / (indexMs / 1000), "texts/s", "MiniLM batch 16 on the same texts (its ceiling)", ceiling),
            new Figure("indexer chunks/s", chunks / (indexMs / 1000), "chunks/s", $"ceiling / {(double)texts / chunks:F1} texts per chunk", ceiling * chunks / texts),
            new Figure("indexer chunks per CPU-second", chunks / indexCpu, "chunks/cpu-s", "ceiling per CPU-second", sample.Count / sampleCpu * chunks / texts),
            new Figure("indexer padded tokens / real tokens", PaddedTokens(embedder, indexerTexts, sort: true) / (double)RealTokens(embedder, indexerTexts), "x", "same, batched in given order", PaddedTokens(embedder, indexerTexts, sort: false) / (double)RealTokens(embedder, indexerTexts)),
        ];
    }

    /// <summary>The seed documents indexed into a new embedded store; the number of chunks written.</summary>
    public static async Task<int> IndexAsync(MiniLmEmbedder embedder, IReadOnlyList<SourceDocument> seeds, string storePath, CancellationToken cancellationToken)
    {
        var pipeline = new IndexingPipeline(new SqliteKnowledgeStore(storePath), embedder, new Chunker(embedder), TimeProvider.System);
        return (await pipeline.RunAsync(seeds, prune: false, progress: null, cancellationToken)).Chunks;
    }
}
