using System.CommandLine;
using System.Text.Json;

namespace RagApi.Eval.Suites;

/// <summary>ragapi-eval compare old.json new.json: what got better and worse; exit 1 on a regression beyond --tolerance.</summary>
internal static class CompareCommand
{
    public const int Regressed = 1;

    public static Command Create()
    {
        var oldReport = new Argument<string>("old") { Description = "The earlier suite --json report." };
        var newReport = new Argument<string>("new") { Description = "The later suite --json report." };
        var tolerance = new Option<double>("--tolerance") { Description = "How far a measure (0..1) may fall before it counts as a regression.", DefaultValueFactory = _ => 0.0 };
        var command = new Command("compare", "Compare two suite --json reports case by case and per measure.") { oldReport, newReport, tolerance };
        command.SetAction(result => Run(result.GetValue(oldReport)!, result.GetValue(newReport)!, result.GetValue(tolerance)));
        return command;
    }

    private static int Run(string oldPath, string newPath, double tolerance)
    {
        SuiteReport old, @new;
        try
        {
            old = SuiteReportWriter.ReadJson(File.ReadAllText(oldPath));
            @new = SuiteReportWriter.ReadJson(File.ReadAllText(newPath));
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return SuiteCommand.InvalidInput;
        }

        Console.WriteLine($"old: {oldPath} ({old.Target}, {old.Summary.Cases} cases)  new: {newPath} ({@new.Target}, {@new.Summary.Cases} cases)  tolerance {tolerance}");
        var summary = ReportComparison.Summary(old, @new, tolerance);
        Console.WriteLine("Per measure:");
        foreach (var change in summary) Console.WriteLine($"  {change}");
        var cases = ReportComparison.Cases(old, @new, tolerance);
        Console.WriteLine($"Per case ({cases.Count(c => c.Better)} better, {cases.Count(c => c.Worse)} worse):");
        foreach (var change in cases.OrderByDescending(c => c.Worse)) Console.WriteLine($"  {change}");
        foreach (var line in ReportComparison.Unmatched(old, @new)) Console.WriteLine($"  {line}");

        var regressions = summary.Count(c => c.Worse) + cases.Count(c => c.Worse);
        Console.WriteLine(regressions == 0 ? "No regression." : $"{regressions} regression(s) beyond the tolerance.");
        return regressions == 0 ? 0 : Regressed;
    }
}
