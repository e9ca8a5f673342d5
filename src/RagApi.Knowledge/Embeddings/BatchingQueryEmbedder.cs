using System.Threading.Channels;

namespace RagApi.Knowledge.Embeddings;

/// <summary>
/// Embeds concurrent single-text requests (the questions of concurrent answers) together: one model call for
/// up to <see cref="MaxBatch"/> questions instead of one each, since a batch of 16 costs far less than 16 calls.
/// A question that finds no other waiting goes alone at once, so a lone client pays no window; only when two or
/// more wait does the worker hold the batch open for at most <see cref="Window"/> to let more join.
/// Multi-text calls (indexing) go straight to the model.
/// </summary>
internal sealed class BatchingQueryEmbedder : ITextEmbedder, IAsyncDisposable, IDisposable
{
    public const int MaxBatch = 16;
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(2);

    private readonly ITextEmbedder _inner;
    private readonly TimeProvider _time;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _worker;

    public BatchingQueryEmbedder(ITextEmbedder inner, TimeProvider? time = null)
    {
        _inner = inner;
        _time = time ?? TimeProvider.System;
        _worker = Task.Run(WorkAsync);
    }

    public string ModelId => _inner.ModelId;

    public int Dimensions => _inner.Dimensions;

    public string QueryPrefix => _inner.QueryPrefix;

    /// <summary>How many model calls carried more than one question (for benchmarks and tests).</summary>
    public int BatchedCalls => _batchedCalls;

    private int _batchedCalls;

    /// <summary>Questions queued and not yet taken into a batch (the multi-reader channel is the one that can count).</summary>
    public int Waiting => _queue.Reader.Count;

    public int CountTokens(string text) => _inner.CountTokens(text);

    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count != 1) return await _inner.EmbedAsync(texts, cancellationToken);
        var pending = new Pending(texts[0], new TaskCompletionSource<float[]>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return [await pending.Vector.Task.WaitAsync(cancellationToken)];
    }

    private async Task WorkAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping.Token))
            {
                batch.Clear();
                TakeWaiting(batch);
                if (batch.Count > 1 && batch.Count < MaxBatch)
                {
                    // Others are arriving: hold the batch open briefly, bounded by the window.
                    using var closes = new CancellationTokenSource(Window, _time);
                    using var window = CancellationTokenSource.CreateLinkedTokenSource(closes.Token, _stopping.Token);
                    try
                    {
                        while (batch.Count < MaxBatch && await _queue.Reader.WaitToReadAsync(window.Token)) TakeWaiting(batch);
                    }
                    catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
                    {
                        // The window closed.
                    }
                }
                await EmbedBatchAsync(batch);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Disposed.
        }
        while (_queue.Reader.TryRead(out var left)) left.Vector.TrySetCanceled();
    }

    private void TakeWaiting(List<Pending> batch)
    {
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            if (!next.CancellationToken.IsCancellationRequested) batch.Add(next);
            else next.Vector.TrySetCanceled(next.CancellationToken);
    }

    private async Task EmbedBatchAsync(List<Pending> batch)
    {
        if (batch.Count == 0) return;
        if (batch.Count > 1) Interlocked.Increment(ref _batchedCalls);
        try
        {
            var vectors = await _inner.EmbedAsync(batch.Select(p => p.Text).ToList(), _stopping.Token);
            for (var i = 0; i < batch.Count; i++) batch[i].Vector.TrySetResult(vectors[i]);
        }
        catch (Exception e)
        {
            foreach (var p in batch) p.Vector.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_queue.Writer.TryComplete()) return;
        await _stopping.CancelAsync();
        await _worker;
        _stopping.Dispose();
        if (_inner is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
        else if (_inner is IDisposable disposable) disposable.Dispose();
    }

    /// <summary>A container disposed synchronously still stops the worker.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed record Pending(string Text, TaskCompletionSource<float[]> Vector, CancellationToken CancellationToken);
}
