namespace RagApi.Knowledge.Embeddings;

public static class QueryEmbedding
{
    /// <summary>A question's vector for searching passages, with the model's <see cref="ITextEmbedder.QueryPrefix"/>.</summary>
    public static async Task<float[]> EmbedQueryAsync(this ITextEmbedder embedder, string query, CancellationToken cancellationToken) =>
        (await embedder.EmbedAsync([embedder.QueryPrefix + query], cancellationToken))[0];
}
