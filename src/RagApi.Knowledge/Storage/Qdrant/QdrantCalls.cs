using Grpc.Core;
using Polly;
using Polly.CircuitBreaker;

namespace RagApi.Knowledge.Storage.Qdrant;

/// <summary>
/// Runs each Qdrant call through the resilience pipeline and turns "Qdrant cannot answer now" into
/// <see cref="KnowledgeStoreUnavailableException"/>, so the API and the indexer need not know about gRPC or Polly.
/// </summary>
internal sealed class QdrantCalls(ResiliencePipeline pipeline, QdrantStoreOptions options)
{
    public async Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.ExecuteAsync(static async (state, attemptToken) =>
            {
                try
                {
                    return await state.call(attemptToken);
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && attemptToken.IsCancellationRequested && !state.cancellationToken.IsCancellationRequested)
                {
                    // gRPC reports its own cancellation as Cancelled; Polly's timeout recognises only OperationCanceledException.
                    throw new OperationCanceledException(e.Message, e, attemptToken);
                }
            }, (call, cancellationToken), cancellationToken);
        }
        catch (BrokenCircuitException e)
        {
            throw Unavailable(operation, "calls are paused after repeated failures", e.RetryAfter ?? options.Resilience.BreakDuration, e);
        }
        catch (Exception e) when (QdrantResilience.IsTransient(e))
        {
            throw Unavailable(operation, e is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : "no answer in time", options.Resilience.BreakDuration, e);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
        {
            throw new KnowledgeStoreUnavailableException(
                $"Qdrant at {options.Endpoint} refused {operation} ({e.StatusCode}): check Qdrant:ApiKey.", options.Resilience.BreakDuration, e);
        }
    }

    public Task RunAsync(string operation, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync(operation, async token =>
        {
            await call(token);
            return true;
        }, cancellationToken);

    private KnowledgeStoreUnavailableException Unavailable(string operation, string reason, TimeSpan retryAfter, Exception inner) =>
        new($"Qdrant at {options.Endpoint} is unavailable ({operation}: {reason}). Check that it runs and is reachable; " +
            "calls resume by themselves once it answers.", retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter, inner);
}
