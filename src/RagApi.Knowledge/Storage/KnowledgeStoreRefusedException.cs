namespace RagApi.Knowledge.Storage;

/// <summary>
/// The store answers but cannot be used as configured (a server too old, a name taken by something else, a model
/// without calibrated thresholds): waiting will not fix it, so the service refuses to start and says what to change.
/// </summary>
internal class KnowledgeStoreRefusedException(string message, Exception? innerException = null) : KnowledgeException(message, innerException)
{
    public override bool IsTransient => false;
}
