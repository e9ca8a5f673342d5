using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Storage.Embedded;

namespace RagApi.Eval.Perf;

/// <summary>
/// The indexer on a public corpus (PubMedQA's 1,000 abstracts) beside the model's own batch throughput on the same
/// texts: texts/s against the ceiling, chunks/s, documents/s and the whole run against its target.
/// </summary>
internal static class IndexingBenchmark
{
    public const double TargetSeconds = 90;
    private const int CeilingSample = 512;

    public static async Task<IReadOnlyList<Figure>> RunAsync(MiniLmEmbedder embedder, string corpusPath, string storePath, CancellationToken cancellationToken)
    {
        // Read as the indexer reads it: validated, then streamed document by document.
        var source = DocumentSourceLoader.Open(corpusPath);
        var chunker = new Chunker(embedder);
        var chunked = source.Documents().SelectMany(chunker.Chunk).ToList();
        // Exactly what the pipeline sends to the model: every chunk and sentence, each distinct text once.
        var texts = IndexingPipeline.TextsToEmbed(chunked);
        var everyText = chunked.Sum(c => 1 + c.Sentences.Count);

        // The ceiling: the model alone, in batches of 16 sorted by length, on a sample of those texts.
        var sample = texts.Where((_, i) => i % Math.Max(1, texts.Count / CeilingSample) == 0).Take(CeilingSample).ToList();
        await embedder.EmbedAsync(sample.Take(16).ToList(), cancellationToken);
        var ceilingMs = await Measure.MillisecondsAsync(() => embedder.EmbedAsync(sample, cancellationToken));
        var ceiling = sample.Count / (ceilingMs / 1000);

        var pipeline = new IndexingPipeline(new SqliteKnowledgeStore(storePath), embedder, chunker, TimeProvider.System);
        IndexingSummary summary = null!;
        var indexMs = await Measure.MillisecondsAsync(async () => summary = await pipeline.RunAsync(source.Documents(), source.Entries.Count, prune: false, progress: null, cancellationToken));
        var seconds = indexMs / 1000;
        return
        [
            new Figure($"texts embedded ({texts.Count} of {everyText} unique)", texts.Count, "texts", "chunks + sentences before dedup", everyText),
            new Figure("indexer texts/s", texts.Count / seconds, "texts/s", "MiniLM batch 16 on the same texts", ceiling),
            new Figure("indexer chunks/s", summary.Chunks / seconds, "chunks/s", $"ceiling / {(double)texts.Count / summary.Chunks:F2} texts per chunk", ceiling * summary.Chunks / texts.Count),
            new Figure($"indexer documents/s ({source.Entries.Count} abstracts)", source.Entries.Count / seconds, "docs/s", $"target: {source.Entries.Count} in {TargetSeconds:F0} s", source.Entries.Count / TargetSeconds),
            new Figure("indexing time, whole corpus", seconds, "s", "target", TargetSeconds),
        ];
    }
}
