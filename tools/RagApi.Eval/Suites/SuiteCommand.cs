using System.CommandLine;
using RagApi.Eval.Judging;
using RagApi.Eval.Targets;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;
using Spectre.Console;

namespace RagApi.Eval.Suites;

/// <summary>ragapi-eval suite: runs JSONL suites against a running API or in-process, reports, and gates.</summary>
internal static class SuiteCommand
{
    public const int GateFailed = 1;
    public const int InvalidInput = 2;
    public const int Interrupted = 130;

    public static Command Create()
    {
        var files = new Argument<string[]>("suite") { Description = "One or more JSONL suite files.", Arity = ArgumentArity.OneOrMore };
        var api = new ApiTargetOptions("Base URL of a running API (e.g. http://localhost:5080); without it the suite runs in-process.", "Cases in flight at once.");
        var store = new Option<string>("--store")
        {
            Description = "In-process: the store file (default: $Store__Path, else src/RagApi/data/ragapi.db).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Store__Path") is { Length: > 0 } s ? s : "src/RagApi/data/ragapi.db",
        };
        var k = new Option<int>("--k") { Description = "k of retrieval recall@k (documents).", DefaultValueFactory = _ => 5 };
        var json = new Option<string?>("--json") { Description = "Write the JSON report here." };
        var markdown = new Option<string?>("--markdown") { Description = "Write the Markdown report here." };
        var junit = new Option<string?>("--junit") { Description = "Write a JUnit XML report here (one testcase per case)." };
        var html = new Option<string?>("--html") { Description = "Write a self-contained HTML report here." };
        var minimums = SuiteGate.Measures.Keys.ToDictionary(name => name, name => new Option<double?>($"--min-{name}")
        {
            Description = $"Fail (exit {GateFailed}) when {name} is below this value (0..1).",
        });

        var command = new Command("suite", "Run citation-accuracy suites and report per case and in aggregate.")
        {
            files, store, k, json, markdown, junit, html,
        };
        api.AddTo(command);
        foreach (var option in minimums.Values) command.Options.Add(option);
        var tuning = new Beir.AnswerTuningOptions();
        tuning.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var gate = new SuiteGate(minimums
                .Where(m => result.GetValue(m.Value) is not null)
                .ToDictionary(m => m.Key, m => result.GetValue(m.Value)!.Value));
            var target = (IEvalTarget?)api.Target(result) ?? OpenInProcess(result.GetValue(store)!, tuning.Read(result));
            if (target is null) return InvalidInput;
            ChatModelJudge? judge;
            try
            {
                judge = JudgeSettings.FromEnvironment() is { } judgeSettings ? new ChatModelJudge(judgeSettings, ChatModelJudge.LoadPrompt(RepositoryPaths.Find("prompts"))) : null;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                await target.DisposeAsync();
                return InvalidInput;
            }
            using var judging = judge;
            var reports = new ReportPaths(result.GetValue(json), result.GetValue(markdown), result.GetValue(junit), result.GetValue(html));
            await using (target)
                return await RunAsync(result.GetValue(files)!, target, result.GetValue(k), api.Concurrency(result), reports, gate, judge, cancellationToken);
        });
        return command;
    }

    /// <summary>In-process runs accept the composer settings of AnswerTuningOptions (--top-k applies to the API only).</summary>
    private static InProcessTarget? OpenInProcess(string storePath, Beir.AnswerTuning tuning)
    {
        if (!File.Exists(storePath))
        {
            Console.Error.WriteLine($"error: no store at {Path.GetFullPath(storePath)}. Build it first: dotnet run --project indexer -- index seeds --store {storePath}");
            return null;
        }
        return new InProcessTarget(new KnowledgeServices(storePath, tuning.Options, relevanceThreshold: tuning.RelevanceThreshold));
    }

    private static async Task<int> RunAsync(string[] files, IEvalTarget target, int k, int concurrency, ReportPaths reports, SuiteGate gate, ICitationJudge? judge, CancellationToken cancellationToken)
    {
        List<SuiteCase> cases = [];
        try
        {
            foreach (var file in files) cases.AddRange(SuiteReader.Read(file));
        }
        catch (Exception e) when (e is SuiteFormatException or IOException)
        {
            foreach (var line in e is SuiteFormatException f ? f.Problems : [e.Message]) Console.Error.WriteLine($"error: {line}");
            return InvalidInput;
        }

        var disclaimer = AnswerTexts.Load(RepositoryPaths.Find("prompts")).Disclaimer;
        Console.WriteLine($"Running {cases.Count} cases from {string.Join(", ", files)} against {target.Description} ({concurrency} at a time)");
        Console.WriteLine($"Citation support judge: {SuiteReportWriter.JudgeText(judge?.Description)}");
        var runner = new SuiteRunner(target, k, disclaimer, judge);
        var results = await runner.RunAsync(cases, concurrency,
            r => Console.WriteLine($"  {r.Id}: {(r.Error is null ? $"{r.AnswerMilliseconds:F0} ms" : $"error: {r.Error}")}"), cancellationToken);
        var interrupted = cancellationToken.IsCancellationRequested;
        if (interrupted) Console.Error.WriteLine($"Interrupted: {results.Count} of {cases.Count} cases finished; writing what there is.");
        var summary = SuiteSummary.Of(results, k);

        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;
        SuiteReportWriter.WriteConsole(AnsiConsole.Console, results, summary, judge?.Description);
        var suiteName = string.Join(", ", files.Select(Path.GetFileName));
        // Reports are written even after Ctrl+C, so they must not observe the cancelled token.
        await reports.WriteAsync(results, summary, suiteName, target.Description, interrupted, judge?.Description);

        if (interrupted) return Interrupted;
        var failures = gate.Failures(summary);
        foreach (var failure in failures) Console.Error.WriteLine($"gate: {failure}");
        return failures.Count == 0 ? 0 : GateFailed;
    }
}
