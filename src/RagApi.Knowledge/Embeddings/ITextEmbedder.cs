namespace RagApi.Knowledge.Embeddings;

public interface ITokenCounter
{
    /// <summary>Word pieces the model sees for this text, its special tokens included.</summary>
    int CountTokens(string text);
}

/// <summary>Turns text into unit-length vectors; a store built by one model refuses another.</summary>
public interface ITextEmbedder : ITokenCounter
{
    string ModelId { get; }

    int Dimensions { get; }

    /// <summary>
    /// Put before a question embedded to search passages: a retrieval-tuned model is trained with such an instruction
    /// on its queries and none on its passages. Empty for a symmetric model (MiniLM, remote models).
    /// </summary>
    string QueryPrefix => "";

    Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
