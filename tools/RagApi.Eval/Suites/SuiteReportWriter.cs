using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace RagApi.Eval.Suites;

/// <summary>The three outputs of a run: a console table, JSON for machines, Markdown for people.</summary>
public static class SuiteReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void WriteConsole(IAnsiConsole console, IReadOnlyList<CaseResult> results, SuiteSummary summary, string? judge = null)
    {
        var table = new Table().AddColumns("case", "refuse?", "refused", "valid", "prec", "recall", "stated", "in cited", $"R@{summary.RecallK}", "RR", "ms");
        foreach (var r in results)
            table.AddRow(Markup.Escape(r.Id), Yes(r.ShouldRefuse), r.Error is null ? Yes(r.Refused) : "[red]error[/]",
                r.StructurallyValid ? "yes" : "[red]no[/]", Pct(r.CitationPrecision), Pct(r.CitationRecall), Pct(r.StatedPhraseRecall),
                Pct(r.PhraseRecall), Pct(r.RecallAtK), Num(r.ReciprocalRank), r.AnswerMilliseconds.ToString("F0", CultureInfo.InvariantCulture));
        console.Write(table);
        console.Write(new Table().AddColumns("measure", "value").Also(t =>
        {
            foreach (var (name, value) in RunRows(results, judge).Concat(Rows(summary))) t.AddRow(name, Markup.Escape(value));
        }));
        var bySuite = SuiteBreakdown.Of(results, summary.RecallK);
        if (bySuite.Count > 1) console.Write(BreakdownTable(bySuite));
    }

    private static readonly string[] BreakdownColumns = ["suite", "cases", "refusal acc.", "precision", "facts stated", "facts in cited", "recall@k", "p50 ms"];

    private static string[] BreakdownRow(string suite, SuiteSummary s) =>
        [suite, s.Cases.ToString(CultureInfo.InvariantCulture), s.RefusalAccuracy.ToString(), s.CitationPrecision.ToString(),
         s.StatedPhraseRecall.ToString(), s.PhraseRecall.ToString(), s.RecallAtK.ToString(), s.LatencyP50Ms.ToString("F0", CultureInfo.InvariantCulture)];

    private static Table BreakdownTable(IReadOnlyList<(string Suite, SuiteSummary Summary)> bySuite)
    {
        var table = new Table().AddColumns(BreakdownColumns);
        foreach (var (suite, s) in bySuite) table.AddRow(BreakdownRow(suite, s).Select(Markup.Escape).ToArray());
        return table;
    }

    public static string ToJson(IReadOnlyList<CaseResult> results, SuiteSummary summary, string suite, string target, bool interrupted = false, string? judge = null) =>
        JsonSerializer.Serialize(new SuiteReport(suite, target, interrupted, JudgeText(judge), summary, results,
            SuiteBreakdown.Of(results, summary.RecallK).Select(b => new SuiteBreakdownReport(b.Suite, b.Summary)).ToList()), Json);

    public static SuiteReport ReadJson(string json) =>
        JsonSerializer.Deserialize<SuiteReport>(json, Json) ?? throw new JsonException("The report is JSON null.");

    public static string ToMarkdown(IReadOnlyList<CaseResult> results, SuiteSummary summary, string suite, string target, string? judge = null)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Evaluation of {Path.GetFileName(suite)}").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Target: {target}. Cases: {summary.Cases}, errors: {summary.Errors}.").AppendLine();
        md.AppendLine("| measure | value |").AppendLine("|---|---|");
        foreach (var (name, value) in RunRows(results, judge).Concat(Rows(summary))) md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
        var bySuite = SuiteBreakdown.Of(results, summary.RecallK);
        if (bySuite.Count > 1)
        {
            md.AppendLine().AppendLine("## By suite").AppendLine();
            md.AppendLine($"| {string.Join(" | ", BreakdownColumns)} |").AppendLine($"|{string.Concat(BreakdownColumns.Select(_ => "---|"))}");
            foreach (var (name, s) in bySuite) md.AppendLine($"| {string.Join(" | ", BreakdownRow(name, s))} |");
        }
        md.AppendLine().AppendLine("## Cases").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"| case | should refuse | refused | valid | precision | recall | facts stated | facts in cited | recall@{summary.RecallK} | RR | ms |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Id} | {Yes(r.ShouldRefuse)} | {(r.Error is null ? Yes(r.Refused) : "error")} | {(r.StructurallyValid ? "yes" : "no")} | {Pct(r.CitationPrecision)} | {Pct(r.CitationRecall)} | {Pct(r.StatedPhraseRecall)} | {Pct(r.PhraseRecall)} | {Pct(r.RecallAtK)} | {Num(r.ReciprocalRank)} | {r.AnswerMilliseconds:F0} |");
        var notes = results.Where(r => r.Error is not null || r.StructuralProblems.Count > 0 || r.MissingPhrases.Count > 0 || r.PhrasesNotStated.Count > 0 || !r.RefusalCorrect).ToList();
        if (notes.Count > 0)
        {
            md.AppendLine().AppendLine("## What went wrong").AppendLine();
            foreach (var r in notes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- **{r.Id}** \"{r.Question}\" (asked as \"{r.StandaloneQuestion}\"; cited: {string.Join(", ", r.CitedSourceIds)})");
                if (r.Error is not null) md.AppendLine(CultureInfo.InvariantCulture, $"  - error: {r.Error}");
                if (!r.RefusalCorrect && r.Error is null) md.AppendLine(r.ShouldRefuse ? "  - answered a question the corpus cannot answer" : "  - refused a question the corpus answers");
                foreach (var p in r.StructuralProblems) md.AppendLine(CultureInfo.InvariantCulture, $"  - structure: {p}");
                var inPassagesOnly = r.PhrasesNotStated.Except(r.MissingPhrases).ToList();
                if (inPassagesOnly.Count > 0) md.AppendLine(CultureInfo.InvariantCulture, $"  - facts in a cited passage but not stated: {string.Join("; ", inPassagesOnly.Select(p => $"\"{p}\""))}");
                if (r.MissingPhrases.Count > 0) md.AppendLine(CultureInfo.InvariantCulture, $"  - facts not in any cited passage: {string.Join("; ", r.MissingPhrases.Select(p => $"\"{p}\""))}");
            }
        }
        return md.ToString();
    }

    /// <summary>Cases that got no answer (by HTTP status) apart from cases answered but falling short.</summary>
    /// <summary>The judge as the reports name it: off unless a model was configured.</summary>
    public static string JudgeText(string? judge) => judge ?? "off (no judge model configured: set Judge__Provider)";

    internal static IEnumerable<(string Name, string Value)> RunRows(IReadOnlyList<CaseResult> results, string? judge)
    {
        var failed = results.Where(r => r.FailedToRun).ToList();
        var byStatus = failed.GroupBy(r => r.HttpStatus is { } s ? $"HTTP {s}" : "no response").Select(g => $"{g.Key} x{g.Count()}");
        yield return ("cases failed to run (no answer)", failed.Count == 0 ? "0" : $"{failed.Count} ({string.Join(", ", byStatus)})");
        yield return ("citation support judge", JudgeText(judge));
        if (judge is not null)
        {
            yield return ("judged citation recall (statements supported)", Rate.Of(results.Select(r => r.JudgedCitationRecall)).ToString());
            yield return ("judged citation precision", Rate.Of(results.Select(r => r.JudgedCitationPrecision)).ToString());
        }
        yield return ("cases answered but falling short", results.Count(r => r.QualityFailures.Count > 0).ToString(CultureInfo.InvariantCulture));
    }

    internal static IEnumerable<(string Name, string Value)> Rows(SuiteSummary s) =>
    [
        ("structural citation validity", s.StructuralValidity.ToString()),
        ("disclaimer present", s.DisclaimerPresence.ToString()),
        ("refusal accuracy (all cases)", s.RefusalAccuracy.ToString()),
        ("unanswerable questions refused", s.UnanswerableRefused.ToString()),
        ("answerable questions answered", s.AnswerableAnswered.ToString()),
        ("citation precision", s.CitationPrecision.ToString()),
        ("citation recall", s.CitationRecall.ToString()),
        ("expected facts stated in the answer (lead + statements)", s.StatedPhraseRecall.ToString()),
        ("expected facts in cited passages", s.PhraseRecall.ToString()),
        ($"retrieval recall@{s.RecallK} (documents)", s.RecallAtK.ToString()),
        ("retrieval MRR (documents)", s.Mrr.AsNumber()),
        ("answer latency p50 / p95", $"{s.LatencyP50Ms:F0} ms / {s.LatencyP95Ms:F0} ms"),
    ];

    private static string Yes(bool value) => value ? "yes" : "no";

    private static string Pct(double? value) => value is { } v ? v.ToString("P0", CultureInfo.InvariantCulture) : "-";

    private static string Num(double? value) => value is { } v ? v.ToString("F2", CultureInfo.InvariantCulture) : "-";

    private static T Also<T>(this T value, Action<T> act)
    {
        act(value);
        return value;
    }
}
