using Google.Protobuf;
using Grpc.Core;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace RagApi.Testing;

/// <summary>
/// Qdrant below the wire: a gRPC call invoker under a real <see cref="QdrantClient"/> that records every request
/// (as the client serialised it) and answers from <see cref="Answer"/>. Faults are injected as the gRPC status a
/// real channel would raise; an answer of null hangs until the caller cancels, as an unresponsive server does.
/// </summary>
internal sealed class FakeQdrant : CallInvoker
{
    private readonly Lock _lock = new();
    private readonly List<(string Method, IMessage Request)> _calls = [];

    /// <summary>Answers a call by "Service/Method" (e.g. "Points/Upsert", "Collections/Get"); throws to fail it.</summary>
    public Func<string, IMessage, IMessage?> Answer { get; set; } = (method, _) => throw Fault(StatusCode.Unimplemented, method);

    public QdrantClient Client() => new(new QdrantGrpcClient(this));

    public IReadOnlyList<(string Method, IMessage Request)> Calls
    {
        get { lock (_lock) return _calls.ToList(); }
    }

    public IReadOnlyList<T> Requests<T>(string method) where T : IMessage =>
        Calls.Where(c => c.Method == method).Select(c => (T)c.Request).ToList();

    public int CallsTo(string method) => Calls.Count(c => c.Method == method);

    public static RpcException Fault(StatusCode code, string detail = "injected fault") => new(new Status(code, detail));

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var name = $"{method.ServiceName.Replace("qdrant.", "", StringComparison.Ordinal)}/{method.Name}";
        lock (_lock) _calls.Add((name, (IMessage)request));
        Task<TResponse> response;
        try
        {
            response = Answer(name, (IMessage)request) is { } answer ? Task.FromResult((TResponse)answer) : HangAsync<TResponse>(options.CancellationToken);
        }
        catch (RpcException e)
        {
            response = Task.FromException<TResponse>(e);
        }
        return new AsyncUnaryCall<TResponse>(response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    private static async Task<T> HangAsync<T>(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        throw Fault(StatusCode.Cancelled, "Call canceled by the client.");
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException("The store uses asynchronous calls only.");

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException();

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();
}
