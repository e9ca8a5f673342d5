namespace RagApi.Knowledge.Storage;

/// <summary>
/// A remote store cannot be reached right now (down, overloaded, timing out, or its circuit is open).
/// The API answers 503 with <see cref="RetryAfter"/>; the indexer exits with code 2. Retrying later is the fix.
/// </summary>
public sealed class KnowledgeStoreUnavailableException(string message, TimeSpan retryAfter, Exception? innerException = null)
    : KnowledgeException(message, innerException)
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    public override bool IsTransient => true;
}
