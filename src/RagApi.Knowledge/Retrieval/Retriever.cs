using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Store;

namespace RagApi.Knowledge.Retrieval;

/// <summary>Embeds a query once and asks the store for the best passages; the answer path never embeds passages.</summary>
public sealed class Retriever(IKnowledgeStore store, ITextEmbedder embedder)
{
    public async Task<Retrieval> RetrieveAsync(string query, SearchFilters filters, int topK, CancellationToken cancellationToken, SearchMode mode = SearchMode.Hybrid)
    {
        var vector = (await embedder.EmbedAsync([query], cancellationToken))[0];
        var passages = await store.SearchAsync(new PassageQuery(query, vector, filters, topK, mode), cancellationToken);
        return new Retrieval(query, vector, passages);
    }
}

public sealed record Retrieval(string Query, float[] QueryVector, IReadOnlyList<RetrievedPassage> Passages);
