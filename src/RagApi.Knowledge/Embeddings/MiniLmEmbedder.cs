namespace RagApi.Knowledge.Embeddings;

/// <summary>all-MiniLM-L6-v2 running in-process on ONNX Runtime; the model ships inside the package.</summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    private readonly MiniLmModel _model = new();
    private readonly WordPieceTokenCounter _tokens = new();

    public string ModelId => ModelThresholds.MiniLmModelId;

    public int Dimensions => MiniLmModel.Dimensions;

    public int CountTokens(string text) => _tokens.CountTokens(text);

    /// <inheritdoc cref="LengthOrderedBatches"/>
    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        Task.FromResult(LengthOrderedBatches.Embed(texts.Select(_model.Tokenize).ToList(), ids => ids.Length, _model.Embed, cancellationToken));

    public void Dispose() => _model.Dispose();
}
