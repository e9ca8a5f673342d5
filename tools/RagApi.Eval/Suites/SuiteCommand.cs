using System.CommandLine;
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

    public static Command Create()
    {
        var files = new Argument<string[]>("suite") { Description = "One or more JSONL suite files.", Arity = ArgumentArity.OneOrMore };
        var api = new Option<Uri?>("--api") { Description = "Base URL of a running API (e.g. http://localhost:5080); without it the suite runs in-process." };
        var apiKey = new Option<string?>("--api-key") { Description = "API key sent to the running API." };
        var apiKeyHeader = new Option<string>("--api-key-header") { Description = "Header that carries the key.", DefaultValueFactory = _ => "X-Api-Key" };
        var store = new Option<string>("--store")
        {
            Description = "In-process: the store file (default: $Store__Path, else src/RagApi/data/ragapi.db).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Store__Path") is { Length: > 0 } s ? s : "src/RagApi/data/ragapi.db",
        };
        var k = new Option<int>("--k") { Description = "k of retrieval recall@k (documents).", DefaultValueFactory = _ => 5 };
        var json = new Option<string?>("--json") { Description = "Write the JSON report here." };
        var markdown = new Option<string?>("--markdown") { Description = "Write the Markdown report here." };
        var minimums = SuiteGate.Measures.Keys.ToDictionary(name => name, name => new Option<double?>($"--min-{name}")
        {
            Description = $"Fail (exit {GateFailed}) when {name} is below this value (0..1).",
        });

        var command = new Command("suite", "Run citation-accuracy suites and report per case and in aggregate.")
        {
            files, api, apiKey, apiKeyHeader, store, k, json, markdown,
        };
        foreach (var option in minimums.Values) command.Options.Add(option);
        var tuning = new Beir.AnswerTuningOptions();
        tuning.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var gate = new SuiteGate(minimums
                .Where(m => result.GetValue(m.Value) is not null)
                .ToDictionary(m => m.Key, m => result.GetValue(m.Value)!.Value));
            var target = result.GetValue(api) is { } url
                ? (IEvalTarget)new HttpTarget(url, result.GetValue(apiKey), result.GetValue(apiKeyHeader)!)
                : OpenInProcess(result.GetValue(store)!, tuning.Read(result).Options);
            if (target is null) return InvalidInput;
            await using (target)
                return await RunAsync(result.GetValue(files)!, target, result.GetValue(k), result.GetValue(json), result.GetValue(markdown), gate, cancellationToken);
        });
        return command;
    }

    /// <summary>In-process runs accept the composer settings of AnswerTuningOptions (--top-k applies to the API only).</summary>
    private static InProcessTarget? OpenInProcess(string storePath, AnswerOptions options)
    {
        if (!File.Exists(storePath))
        {
            Console.Error.WriteLine($"error: no store at {Path.GetFullPath(storePath)}. Build it first: dotnet run --project indexer -- index seeds --store {storePath}");
            return null;
        }
        return new InProcessTarget(new KnowledgeServices(storePath, options));
    }

    private static async Task<int> RunAsync(string[] files, IEvalTarget target, int k, string? jsonPath, string? markdownPath, SuiteGate gate, CancellationToken cancellationToken)
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
        Console.WriteLine($"Running {cases.Count} cases from {string.Join(", ", files)} against {target.Description}");
        var runner = new SuiteRunner(target, k, disclaimer);
        var results = await runner.RunAsync(cases, r => Console.WriteLine($"  {r.Id}: {(r.Error is null ? $"{r.AnswerMilliseconds:F0} ms" : $"error: {r.Error}")}"), cancellationToken);
        var summary = SuiteSummary.Of(results, k);

        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;
        SuiteReportWriter.WriteConsole(AnsiConsole.Console, results, summary);
        var suiteName = string.Join(", ", files.Select(Path.GetFileName));
        if (jsonPath is not null) await File.WriteAllTextAsync(jsonPath, SuiteReportWriter.ToJson(results, summary, suiteName, target.Description), cancellationToken);
        if (markdownPath is not null) await File.WriteAllTextAsync(markdownPath, SuiteReportWriter.ToMarkdown(results, summary, suiteName, target.Description), cancellationToken);

        var failures = gate.Failures(summary);
        foreach (var failure in failures) Console.Error.WriteLine($"gate: {failure}");
        return failures.Count == 0 ? 0 : GateFailed;
    }
}
