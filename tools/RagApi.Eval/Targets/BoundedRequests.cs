namespace RagApi.Eval.Targets;

/// <summary>
/// Runs work over items with at most a given number in flight, keeping the results in item order. A failure
/// stops the run and is thrown; a cancellation (Ctrl+C) keeps what finished and leaves the rest null.
/// </summary>
public static class BoundedRequests
{
    public static async Task<TResult?[]> RunAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, int concurrency, Func<TItem, CancellationToken, Task<TResult>> run,
        Action<TResult>? onResult, CancellationToken cancellationToken)
        where TResult : class
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var results = new TResult?[items.Count];
        var report = new Lock();
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, items.Count),
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    var result = await run(items[i], token);
                    results[i] = result;
                    lock (report) onResult?.Invoke(result);
                });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Interrupted: what has finished is kept.
        }
        return results;
    }
}
