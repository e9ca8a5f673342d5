using System.Security.Cryptography;
using System.Text;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;

namespace RagApi.Knowledge.Ingestion;

/// <summary>
/// parse (done by the caller) -> chunk -> embed -> save, one document at a time. Unchanged documents are
/// skipped by content hash, so a rerun after a crash only redoes what did not land.
/// </summary>
public sealed class IndexingPipeline(IKnowledgeStore store, ITextEmbedder embedder, Chunker chunker, TimeProvider time)
{
    /// <summary>Bump when chunking changes, so every document is re-chunked on the next run.</summary>
    private const string PipelineVersion = "chunker-3";

    public async Task<IndexingSummary> RunAsync(
        IReadOnlyList<SourceDocument> documents,
        bool prune,
        IProgress<IndexingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        await store.EnsureEmbeddingModelAsync(embedder.ModelId, embedder.Dimensions, cancellationToken);
        var stored = await store.GetContentHashesAsync(cancellationToken);

        int added = 0, updated = 0, unchanged = 0, chunks = 0, pages = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            var hash = ContentHash(document);
            if (stored.TryGetValue(document.Id, out var storedHash) && storedHash == hash)
            {
                unchanged++;
            }
            else
            {
                var indexed = await IndexAsync(document, hash, cancellationToken);
                await store.ReplaceDocumentAsync(indexed, cancellationToken);
                chunks += indexed.Chunks.Count;
                if (storedHash is null) added++; else updated++;
            }
            pages += document.Pages;
            progress?.Report(new IndexingProgress(i + 1, documents.Count, document.Id, chunks) { Pages = pages, Elapsed = time.GetElapsedTime(started) });
        }

        var pruned = 0;
        if (prune)
        {
            var present = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var gone = stored.Keys.Where(id => !present.Contains(id)).ToList();
            await store.DeleteDocumentsAsync(gone, cancellationToken);
            pruned = gone.Count;
        }
        return new IndexingSummary(added, updated, unchanged, pruned, chunks, time.GetElapsedTime(started));
    }

    private async Task<IndexedDocument> IndexAsync(SourceDocument document, string hash, CancellationToken cancellationToken)
    {
        var chunks = chunker.Chunk(document);
        var texts = chunks.Select(c => c.IndexText)
            .Concat(chunks.SelectMany(c => c.Sentences.Select(s => s.Of(c.Text))))
            .ToList();
        // A sentence repeated by the next chunk's overlap (or a sentence that is a whole chunk) is embedded once.
        var distinct = texts.Distinct(StringComparer.Ordinal).ToList();
        var embedded = await embedder.EmbedAsync(distinct, cancellationToken);
        var byText = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < distinct.Count; i++) byText[distinct[i]] = embedded[i];
        var vectors = texts.Select(t => byText[t]).ToArray();
        var next = chunks.Count;
        var indexed = new List<IndexedChunk>(chunks.Count);
        for (var i = 0; i < chunks.Count; i++)
        {
            var sentenceVectors = vectors[next..(next + chunks[i].Sentences.Count)];
            next += chunks[i].Sentences.Count;
            indexed.Add(new IndexedChunk(chunks[i], vectors[i], sentenceVectors));
        }
        return new IndexedDocument(DocumentMetadata.Of(document), hash, indexed);
    }

    private string ContentHash(SourceDocument d)
    {
        var layout = d.Blocks is null ? "" : string.Join(';', d.Blocks.Select(b => $"{b.Page}:{string.Join('>', b.Headings)}"));
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
