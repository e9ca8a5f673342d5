namespace RagApi.Knowledge.Embeddings;

/// <summary>
/// What one embeddings request may carry. OpenAI's API reference ("Create embeddings", <c>input</c>): each input at
/// most 8192 tokens, an array at most 2048 inputs, and at most 300,000 tokens summed over a request; Azure OpenAI
/// documents the same for text-embedding-3 and ada-002 (version 2). Tokens are cl100k_base tokens, the encoding of
/// those models. <see cref="InputsPerRequest"/> stays below the documented 2048 so one request ends well inside the
/// model calls' attempt timeout.
/// </summary>
public sealed record EmbeddingRequestLimits(int InputsPerRequest = 512, int MaxTokensPerInput = 8192, int MaxTokensPerRequest = 300_000)
{
    public const int DocumentedMaxInputs = 2048;

    public static readonly EmbeddingRequestLimits OpenAI = new();
}
