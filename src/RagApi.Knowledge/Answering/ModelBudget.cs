using RagApi.Knowledge.Models;

namespace RagApi.Knowledge.Answering;

/// <summary>
/// Time for the model calls of one answer, counted from when the answer was asked for: the rewrite of a follow-up
/// gets its share, the compose call the rest up to the deadline, so however slow the model is, the extractive
/// fallback still answers within the request's time limit.
/// </summary>
public sealed class ModelBudget(GenerationOptions options, TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    public DateTimeOffset DeadlineFromNow() => Time.GetUtcNow() + TimeSpan.FromSeconds(options.AnswerBudgetSeconds);

    public DateTimeOffset CondenseDeadline(DateTimeOffset deadline)
    {
        var now = Time.GetUtcNow();
        return now + (deadline - now) * options.CondenseShare;
    }

    /// <summary>A token cancelled at <paramref name="deadline"/> (or with the request), and the deadline set for the retry layer.</summary>
    public ModelCallScope Until(DateTimeOffset deadline, CancellationToken requestAborted)
    {
        var remaining = deadline - Time.GetUtcNow();
        var timeout = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, Time);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, requestAborted);
        return new ModelCallScope(linked, timeout, ModelCallBudget.Until(deadline));
    }
}

public sealed class ModelCallScope(CancellationTokenSource linked, CancellationTokenSource timeout, IDisposable budget) : IDisposable
{
    public CancellationToken Token => linked.Token;

    public void Dispose()
    {
        budget.Dispose();
        linked.Dispose();
        timeout.Dispose();
    }
}
