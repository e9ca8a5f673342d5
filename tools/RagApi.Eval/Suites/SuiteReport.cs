namespace RagApi.Eval.Suites;

/// <summary>The --json report: what `compare` reads back.</summary>
public sealed record SuiteReport(string Suite, string Target, bool Interrupted, SuiteSummary Summary, IReadOnlyList<CaseResult> Cases);
