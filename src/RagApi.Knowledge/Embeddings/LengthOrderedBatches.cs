namespace RagApi.Knowledge.Embeddings;

/// <summary>
/// A local model pads a batch to its longest text, so texts are batched in order of length (the indexer mixes
/// 160-token chunks with 30-token sentences) and the vectors are returned in the caller's order.
/// </summary>
internal static class LengthOrderedBatches
{
    public const int BatchSize = 16;

    public static float[][] Embed<T>(IReadOnlyList<T> texts, Func<T, int> length, Func<T[], CancellationToken, float[][]> encode, CancellationToken cancellationToken)
    {
        var vectors = new float[texts.Count][];
        var byLength = Enumerable.Range(0, texts.Count).OrderBy(i => length(texts[i])).ToArray();
        foreach (var positions in byLength.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var encoded = EncodeOrCancel(encode, positions.Select(i => texts[i]).ToArray(), cancellationToken);
            for (var j = 0; j < positions.Length; j++) vectors[positions[j]] = encoded[j];
        }
        return vectors;
    }

    /// <summary>
    /// ONNX Runtime stops a run whose token is cancelled by throwing its own error ("terminate flag"), not
    /// <see cref="OperationCanceledException"/>; callers (a request timeout, Ctrl+C in the indexer) must see the
    /// cancellation they asked for, not a model failure.
    /// </summary>
    private static float[][] EncodeOrCancel<T>(Func<T[], CancellationToken, float[][]> encode, T[] batch, CancellationToken cancellationToken)
    {
        try
        {
            return encode(batch, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The embedding was cancelled.", e, cancellationToken);
        }
    }
}
