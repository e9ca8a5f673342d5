using System.Diagnostics;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Telemetry;

namespace RagApi.Knowledge.Retrieval;

/// <summary>Embeds a query once and asks the store for the best passages; the answer path never embeds passages.</summary>
public sealed class Retriever(IKnowledgeStore store, ITextEmbedder embedder, KnowledgeMetrics metrics)
{
    public async Task<Retrieval> RetrieveAsync(string query, SearchFilters filters, int topK, CancellationToken cancellationToken, SearchMode mode = SearchMode.Hybrid)
    {
        using var activity = KnowledgeTelemetry.Source.StartActivity("retrieve");
        activity?.SetTag("ragapi.top_k", topK);
        var started = Stopwatch.GetTimestamp();
        var vector = (await metrics.ModelCallAsync("embed", embedder.ModelId,
            () => embedder.EmbedQueryAsync(query, cancellationToken)));
        var passages = await store.SearchAsync(new PassageQuery(query, vector, filters, topK, mode), cancellationToken);
        activity?.SetTag("ragapi.passages", passages.Count);
        metrics.RetrievalDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return new Retrieval(query, vector, passages);
    }

    /// <summary>
    /// Passage search that survives the embedding endpoint: when the query cannot be embedded, the store's BM25
    /// ranking alone (both stores keep one), marked with the failure. Only for callers that show passages as they
    /// are; answers need the query vector to score sentences against their calibrated threshold.
    /// </summary>
    public async Task<Retrieval> RetrieveOrLexicalAsync(string query, SearchFilters filters, int topK, CancellationToken cancellationToken)
    {
        try
        {
            return await RetrieveAsync(query, filters, topK, cancellationToken);
        }
        catch (EmbeddingEndpointException failure) when (!cancellationToken.IsCancellationRequested)
        {
            using var activity = KnowledgeTelemetry.Source.StartActivity("retrieve.lexical");
            activity?.SetTag("ragapi.dense_unavailable", failure.Reason);
            var passages = await store.SearchAsync(new PassageQuery(query, [], filters, topK, SearchMode.Lexical), cancellationToken);
            return new Retrieval(query, [], passages) { DenseUnavailable = failure };
        }
    }
}

public sealed record Retrieval(string Query, float[] QueryVector, IReadOnlyList<RetrievedPassage> Passages)
{
    /// <summary>Why the passages are ranked lexically only (the query could not be embedded); null when dense retrieval ran.</summary>
    public EmbeddingEndpointException? DenseUnavailable { get; init; }
}
