namespace RagApi.Eval.Suites;

/// <summary>Where each requested report goes (null: not requested).</summary>
internal sealed record ReportPaths(string? Json, string? Markdown, string? Junit, string? Html)
{
    public async Task WriteAsync(IReadOnlyList<CaseResult> results, SuiteSummary summary, string suite, string target, bool interrupted, string? judge)
    {
        if (Json is not null) await File.WriteAllTextAsync(Json, SuiteReportWriter.ToJson(results, summary, suite, target, interrupted, judge));
        if (Markdown is not null) await File.WriteAllTextAsync(Markdown, SuiteReportWriter.ToMarkdown(results, summary, suite, target, judge));
        if (Junit is not null) await File.WriteAllTextAsync(Junit, JunitReportWriter.ToXml(results, suite, target, interrupted));
        if (Html is not null) await File.WriteAllTextAsync(Html, HtmlReportWriter.ToHtml(results, summary, suite, target, interrupted, judge));
        foreach (var path in new[] { Json, Markdown, Junit, Html }.OfType<string>()) Console.WriteLine($"wrote {path}");
    }
}
