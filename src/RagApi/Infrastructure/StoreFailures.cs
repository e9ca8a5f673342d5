using System.Data.Common;

namespace RagApi.Infrastructure;

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
