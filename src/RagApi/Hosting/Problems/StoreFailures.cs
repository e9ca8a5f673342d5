using System.Data.Common;
using RagApi.Hosting;
using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Limits;
using RagApi.Hosting.OpenApi;
using RagApi.Hosting.Security;
using RagApi.Hosting.Telemetry;
using RagApi.Requests;

namespace RagApi.Hosting.Problems;

/// <summary>Failures that mean the store cannot be reached or read right now: answered 503, retried by the client.</summary>
internal static class StoreFailures
{
    public static bool IsStoreFailure(Exception exception) => exception switch
    {
        DbException or IOException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsStoreFailure),
        _ => exception.InnerException is { } inner && IsStoreFailure(inner),
    };
}
