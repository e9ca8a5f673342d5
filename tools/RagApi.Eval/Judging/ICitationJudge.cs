namespace RagApi.Eval.Judging;

/// <summary>Says whether passages, taken together, support a statement (a model behind it, or a script in tests).</summary>
public interface ICitationJudge
{
    string Description { get; }

    Task<bool> SupportsAsync(string statement, IReadOnlyList<string> passages, CancellationToken cancellationToken);
}
