using Microsoft.Data.Sqlite;

namespace RagApi.Knowledge.Storage.Embedded;

/// <summary>
/// A file that is locked, damaged, unreadable or gone, or a failing disk, surfaces as the one store-unavailable
/// failure: hosts never need to know SQLite, and the service recovers once the file is fixed.
/// </summary>
internal static class SqliteFailures
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static Task<T> Translate<T>(Func<T> call)
    {
        try
        {
            return Task.FromResult(call());
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new KnowledgeStoreUnavailableException(e.Message, RetryAfter, e);
        }
    }

    public static Task Translate(Action call) => Translate(() =>
    {
        call();
        return true;
    });
}
