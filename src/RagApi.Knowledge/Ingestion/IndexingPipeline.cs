using System.Security.Cryptography;
using System.Text;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;

namespace RagApi.Knowledge.Ingestion;

/// <summary>
/// parse (done by the caller) -> chunk -> embed -> save. Chunks of several documents are embedded together and
/// each distinct text once; documents are saved one at a time. Unchanged documents are skipped by content hash, so
/// a rerun after a crash only redoes what did not land.
/// </summary>
public sealed class IndexingPipeline(IKnowledgeStore store, ITextEmbedder embedder, Chunker chunker, TimeProvider time)
{
    /// <summary>Bump when chunking changes, so every document is re-chunked on the next run.</summary>
    private const string PipelineVersion = "chunker-3";

    /// <summary>Texts gathered across documents before the model is called: many full, length-sorted batches of 16.</summary>
    private const int BatchTexts = 256;

    /// <summary>Unchanged documents add no texts; this bounds how many a batch holds on a rerun.</summary>
    private const int BatchDocuments = 64;

    public Task<IndexingSummary> RunAsync(
        IReadOnlyList<SourceDocument> documents,
        bool prune,
        IProgress<IndexingProgress>? progress,
        CancellationToken cancellationToken) =>
        RunAsync(documents, documents.Count, prune, progress, cancellationToken);

    /// <summary>
    /// Documents are pulled one at a time as they are indexed (at most a batch of them is held), so a source read
    /// lazily (<see cref="DocumentSourceLoader.Open"/>) is indexed in bounded memory. <paramref name="total"/> is for
    /// progress only.
    /// </summary>
    public async Task<IndexingSummary> RunAsync(
        IEnumerable<SourceDocument> documents,
        int total,
        bool prune,
        IProgress<IndexingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        await store.EnsureEmbeddingModelAsync(embedder.ModelId, embedder.Dimensions, cancellationToken);
        var stored = await store.GetContentHashesAsync(cancellationToken);

        int added = 0, updated = 0, unchanged = 0, chunks = 0, pages = 0, read = 0;
        var present = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<Pending>();
        var batchTexts = 0;

        // Documents are embedded together (fuller, better length-sorted model batches) and written one by one,
        // so a run stopped half-way leaves only whole documents.
        async Task WriteBatchAsync()
        {
            foreach (var (done, indexed) in await EmbedAsync(batch, cancellationToken))
            {
                if (indexed is null)
                {
                    unchanged++;
                }
                else
                {
                    await store.ReplaceDocumentAsync(indexed, cancellationToken);
                    chunks += indexed.Chunks.Count;
                    if (done.IsStored) updated++; else added++;
                }
                pages += done.Document.Pages;
                progress?.Report(new IndexingProgress(done.Index + 1, total, done.Document.Id, chunks) { Pages = pages, Elapsed = time.GetElapsedTime(started) });
            }
            batch.Clear();
            batchTexts = 0;
        }

        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            present.Add(document.Id);
            var hash = ContentHash(document);
            var isStored = stored.TryGetValue(document.Id, out var storedHash);
            var unchangedDocument = isStored && storedHash == hash;
            var pending = new Pending(read++, document, hash, isStored, unchangedDocument, unchangedDocument ? [] : chunker.Chunk(document));
            batch.Add(pending);
            batchTexts += pending.Chunks.Sum(c => 1 + c.Sentences.Count);
            if (batchTexts >= BatchTexts || batch.Count >= BatchDocuments) await WriteBatchAsync();
        }
        if (batch.Count > 0) await WriteBatchAsync();

        var pruned = 0;
        if (prune)
        {
            var gone = stored.Keys.Where(id => !present.Contains(id)).ToList();
            await store.DeleteDocumentsAsync(gone, cancellationToken);
            pruned = gone.Count;
        }
        return new IndexingSummary(added, updated, unchanged, pruned, chunks, time.GetElapsedTime(started));
    }

    /// <summary>A document read and chunked, waiting for its batch to be embedded; no chunks when it is unchanged.</summary>
    private sealed record Pending(int Index, SourceDocument Document, string Hash, bool IsStored, bool Unchanged, IReadOnlyList<Chunk> Chunks);

    /// <summary>
    /// Embeds every chunk and sentence of the batch in one call, each distinct text once (the overlap repeats a
    /// chunk's last sentence in the next chunk), and returns each document with its vectors, or null when unchanged.
    /// </summary>
    private async Task<List<(Pending Document, IndexedDocument? Indexed)>> EmbedAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        var chunks = batch.SelectMany(p => p.Chunks).ToList();
        var distinct = TextsToEmbed(chunks);
        var embedded = distinct.Count == 0 ? [] : await embedder.EmbedAsync(distinct, cancellationToken);
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < distinct.Count; i++) vectors[distinct[i]] = embedded[i];

        return batch.Select(p => (p, p.Unchanged ? null : (IndexedDocument?)new IndexedDocument(
                DocumentMetadata.Of(p.Document), p.Hash,
                p.Chunks.Select(c => new IndexedChunk(c, vectors[c.IndexText], c.Sentences.Select(s => vectors[s.Of(c.Text)]).ToArray())).ToList())))
            .ToList();
    }

    /// <summary>The texts the model reads for these chunks, each once (what indexing throughput is measured against).</summary>
    public static IReadOnlyList<string> TextsToEmbed(IEnumerable<Chunk> chunks) =>
        chunks.SelectMany(c => c.Sentences.Select(s => s.Of(c.Text)).Prepend(c.IndexText)).Distinct(StringComparer.Ordinal).ToList();

    private string ContentHash(SourceDocument d)
    {
        var layout = d.Blocks is null ? "" : string.Join(';', d.Blocks.Select(b => $"{b.Page}:{string.Join('>', b.Headings)}{(b.Anchor is null ? "" : "#" + b.Anchor)}"));
        var text = string.Join('\u001f', PipelineVersion, embedder.ModelId, d.Id, d.Title, d.Kind, d.Source, d.Year, d.Url, d.Citation, d.Body, layout);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

public sealed record IndexingProgress(int Done, int Total, string DocumentId, int ChunksWritten)
{
    /// <summary>PDF pages read so far.</summary>
    public int Pages { get; init; }

    public TimeSpan Elapsed { get; init; }

    public double DocumentsPerSecond => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>The time left at the rate so far; null before the first document is done.</summary>
    public TimeSpan? Remaining => DocumentsPerSecond > 0 ? TimeSpan.FromSeconds((Total - Done) / DocumentsPerSecond) : null;

    public override string ToString() =>
        $"[{Done}/{Total}] {DocumentId}: {ChunksWritten} chunks{(Pages > 0 ? $", {Pages} pages" : "")}, " +
        $"{DocumentsPerSecond:F1} documents/s, ETA {(Remaining is { } left ? left.ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) : "--:--:--")}";
}

public sealed record IndexingSummary(int Added, int Updated, int Unchanged, int Pruned, int Chunks, TimeSpan Elapsed)
{
    public double ChunksPerSecond => Elapsed.TotalSeconds > 0 ? Chunks / Elapsed.TotalSeconds : 0;

    public override string ToString() =>
        $"added {Added}, updated {Updated}, unchanged {Unchanged}, pruned {Pruned}, chunks {Chunks}, " +
        $"{Elapsed.TotalSeconds:F1} s, {ChunksPerSecond:F1} chunks/s";
}
