namespace RagApi.Eval.Targets;

/// <summary>A request to the target that did not give an answer: the HTTP status (null when no response came) and why.</summary>
public sealed class TargetRequestException(string message, int? status, Exception? inner = null) : Exception(message, inner)
{
    public int? Status { get; } = status;
}
