using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Eval.Beir;

/// <summary>ragapi-eval beir: index a BEIR dataset into its own store, score retrieval per mode and the answers' citations.</summary>
internal static class BeirCommand
{
    public static Command Create()
    {
        var folder = new Argument<string?>("dataset") { Description = "A BEIR folder (corpus.jsonl, queries.jsonl, qrels/*.tsv); default ../shared/data/pubmedqa.", Arity = ArgumentArity.ZeroOrOne };
        var store = new Option<string?>("--store") { Description = "The dataset's own store (default: a file under the temp folder, reused between runs)." };
        var split = new Option<string?>("--split") { Description = "qrels split (default: test, else dev)." };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N queries." };
        var skipAnswers = new Option<bool>("--skip-answers") { Description = "Score retrieval only." };
        var json = new Option<string?>("--json") { Description = "Write the figures as JSON here." };
        var tuning = new AnswerTuningOptions();
        var command = new Command("beir", "BEIR benchmark: nDCG@10, recall@1/10 and MRR for dense, BM25 and hybrid retrieval, and answer citation accuracy.")
        {
            folder, store, split, limit, skipAnswers, json,
        };
        tuning.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(folder) ?? DefaultDataset();
            if (!File.Exists(Path.Combine(path, "corpus.jsonl")))
            {
                Console.WriteLine($"skipped: no BEIR dataset at {Path.GetFullPath(path)} (expected corpus.jsonl, queries.jsonl and qrels/).");
                return 0;
            }
            var storePath = result.GetValue(store) ?? Path.Combine(Path.GetTempPath(), "ragapi-beir", $"{new DirectoryInfo(path).Name}.db");
            return await RunAsync(path, storePath, result.GetValue(split), result.GetValue(limit), result.GetValue(skipAnswers),
                tuning.Read(result), result.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static string DefaultDataset()
    {
        var repository = Path.GetDirectoryName(RepositoryPaths.Find("RagApi.sln"))!;
        return Path.Combine(RagApi.LoadTest.QuestionSets.SharedDataFolder(repository), "pubmedqa");
    }

    private static async Task<int> RunAsync(string folder, string storePath, string? split, int? limit, bool skipAnswers,
        (AnswerOptions Options, int? TopK) tuning, string? jsonPath, CancellationToken cancellationToken)
    {
        var data = BeirDataset.Load(folder, split);
        var queries = data.Queries.Take(limit ?? int.MaxValue).ToList();
        using var services = new KnowledgeServices(storePath, tuning.Options);
        Console.WriteLine($"Indexing {data.CorpusPath} into {storePath} (unchanged documents are skipped)");
        var indexed = await services.Indexing.RunAsync(data.LoadCorpus(), prune: true, progress: null, cancellationToken);
        Console.WriteLine($"  {indexed}");

        Console.WriteLine($"Retrieval over {queries.Count} queries (documents ranked by their best passage):");
        var runner = new BeirRunner(services);
        var retrieval = await runner.RetrieveAsync(data, queries, cancellationToken);
        Console.WriteLine("  mode     nDCG@10  recall@1  recall@10  MRR@10   ms/query");
        foreach (var r in retrieval)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.Mode,-8} {r.NdcgAt10,7:F4}  {r.RecallAt1,8:F4}  {r.RecallAt10,9:F4}  {r.MrrAt10,6:F4}  {r.MeanMilliseconds,8:F1}"));

        AnswerScores? answers = null;
        if (!skipAnswers)
        {
            answers = await runner.AnswerAsync(data, queries, tuning.TopK, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Answers over {answers.Questions} queries (topK {tuning.TopK?.ToString(CultureInfo.InvariantCulture) ?? "default"}, threshold {tuning.Options.RelevanceThreshold}, max statements {tuning.Options.MaxStatements}, per document {tuning.Options.MaxStatementsPerDocument}, floor {tuning.Options.RelativeFloor}):"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  relevant document cited        {answers.RelevantCited:P1} of queries"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  citations to relevant docs     {answers.CitationPrecision:P1} of all citations"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  refused (insufficient evid.)   {answers.Refused:P1}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  citations / documents per answer {answers.CitationsPerAnswer:F2} / {answers.DocumentsPerAnswer:F2}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  structurally valid             {answers.StructurallyValid:P1}; {answers.MeanMilliseconds:F0} ms per answer"));
        }
        if (jsonPath is not null)
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(new { dataset = folder, queries = queries.Count, tuning.Options, retrieval, answers },
                ReportJson.Options), cancellationToken);
        return 0;
    }
}
