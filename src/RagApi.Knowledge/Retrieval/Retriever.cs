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
            () => embedder.EmbedAsync([query], cancellationToken)))[0];
        var passages = await store.SearchAsync(new PassageQuery(query, vector, filters, topK, mode), cancellationToken);
        activity?.SetTag("ragapi.passages", passages.Count);
        metrics.RetrievalDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return new Retrieval(query, vector, passages);
    }
}

public sealed record Retrieval(string Query, float[] QueryVector, IReadOnlyList<RetrievedPassage> Passages);
