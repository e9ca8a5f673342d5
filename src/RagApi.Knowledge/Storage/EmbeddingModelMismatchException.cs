namespace RagApi.Knowledge.Storage;

/// <summary>The store was built with another embedding model: its vectors and the query's would not be comparable.</summary>
public sealed class EmbeddingModelMismatchException(string storeModel, int storeDimensions, string model, int dimensions)
    : KnowledgeException(
        $"The store was built with '{storeModel}' ({storeDimensions} dimensions) but the configured embedder is '{model}' " +
        $"({dimensions} dimensions). Rebuild the store with the configured model, or configure the model the store was built with.")
{
    public override bool IsTransient => false;
}
