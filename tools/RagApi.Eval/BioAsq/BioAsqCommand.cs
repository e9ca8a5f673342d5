using System.CommandLine;
using System.Text.Json;
using RagApi.Eval.Suites;
using RagApi.Eval.Targets;
using RagApi.Knowledge.Answering;

namespace RagApi.Eval.BioAsq;

/// <summary>ragapi-eval bioasq questions.json (--store file | --api url): document- and sentence-level citation measures.</summary>
internal static class BioAsqCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("questions") { Description = "A BioASQ-style JSON file ({\"questions\": [...]})." };
        var api = new ApiTargetOptions("Base URL of a running API; without it the questions run in-process on --store.", "Questions in flight at once.");
        var store = new Option<string?>("--store") { Description = "In-process: a store holding the questions' documents (ids = PMIDs), e.g. one indexed from a PubMed corpus." };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N questions." };
        var json = new Option<string?>("--json") { Description = "Write per-question results and the summary here." };
        var command = new Command("bioasq", "BioASQ-style questions: gold document cited, citation precision, quote inside a gold snippet, nDCG@10, refusals.")
        {
            file, store, limit, json,
        };
        api.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            IReadOnlyList<BioAsqQuestion> questions;
            try
            {
                questions = BioAsqDataset.Read(result.GetValue(file)!);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or JsonException or InvalidOperationException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return SuiteCommand.InvalidInput;
            }
            if (result.GetValue(limit) is { } n) questions = questions.Take(n).ToList();
            IEvalTarget target;
            if (api.Target(result) is { } http) target = http;
            else if (result.GetValue(store) is { } path && File.Exists(path)) target = new InProcessTarget(new KnowledgeServices(path, new AnswerOptions()));
            else
            {
                Console.Error.WriteLine("error: give --api URL or --store FILE (an existing store holding the questions' documents).");
                return SuiteCommand.InvalidInput;
            }
            await using (target)
            {
                Console.WriteLine($"Running {questions.Count} BioASQ questions against {target.Description}");
                var results = await new BioAsqRunner(target).RunAsync(questions, api.Concurrency(result), cancellationToken);
                var summary = BioAsqRunner.Summary(results).ToList();
                foreach (var (name, value) in summary) Console.WriteLine($"  {name,-46} {value}");
                foreach (var failed in results.Where(r => r.Error is not null)) Console.WriteLine($"  {failed.Id}: {failed.Error}");
                if (result.GetValue(json) is { } jsonPath)
                    await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(new { summary = summary.ToDictionary(s => s.Name, s => s.Value), results },
                        ReportJson.Options), CancellationToken.None);
                return cancellationToken.IsCancellationRequested ? SuiteCommand.Interrupted : 0;
            }
        });
        return command;
    }
}
