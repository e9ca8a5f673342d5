namespace RagApi.Knowledge.Embeddings;

/// <summary>The in-process models Embeddings:LocalModel chooses from when Embeddings:Provider is Local.</summary>
public enum LocalEmbeddingModel
{
    MiniLM,
    ArcticXs,
}

public static class LocalEmbedders
{
    /// <summary>The chosen model, loaded; the caller owns (disposes) it.</summary>
    public static ITextEmbedder Create(LocalEmbeddingModel model) => model switch
    {
        LocalEmbeddingModel.MiniLM => new MiniLmEmbedder(),
        LocalEmbeddingModel.ArcticXs => new ArcticXsEmbedder(),
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Embeddings:LocalModel must be MiniLM or ArcticXs."),
    };

    /// <summary>The model id a store built with the chosen model records, without loading the model.</summary>
    public static string ModelIdOf(LocalEmbeddingModel model) => model switch
    {
        LocalEmbeddingModel.MiniLM => ModelThresholds.MiniLmModelId,
        LocalEmbeddingModel.ArcticXs => ArcticXsEmbedder.Id,
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Embeddings:LocalModel must be MiniLM or ArcticXs."),
    };
}
