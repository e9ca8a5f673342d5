namespace RagApi.Knowledge;

/// <summary>
/// The one family of failures every host maps: each store, embedder and reader translates its own errors into one of
/// these, so the API maps a failure once (503 when transient) and the indexer picks its exit code from the type.
/// </summary>
public abstract class KnowledgeException : Exception
{
    protected KnowledgeException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }

    /// <summary>True when the same call may succeed later without any change (a server down or overloaded).</summary>
    public abstract bool IsTransient { get; }
}
