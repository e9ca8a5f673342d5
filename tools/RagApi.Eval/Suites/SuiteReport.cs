namespace RagApi.Eval.Suites;

/// <summary>The --json report: what `compare` reads back.</summary>
public sealed record SuiteReport(string Suite, string Target, bool Interrupted, string Judge, SuiteSummary Summary, IReadOnlyList<CaseResult> Cases,
    IReadOnlyList<SuiteBreakdownReport>? Suites = null);

/// <summary>One suite file's figures within a run over several.</summary>
public sealed record SuiteBreakdownReport(string Suite, SuiteSummary Summary);
