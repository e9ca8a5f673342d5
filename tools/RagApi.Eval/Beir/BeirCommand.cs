using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RagApi.Eval.Targets;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Storage;

namespace RagApi.Eval.Beir;

/// <summary>
/// ragapi-eval beir: score retrieval per ranking and the answers' citations on a BEIR dataset, either in-process
/// (indexing the corpus into its own store first) or against a running API whose store already holds the corpus.
/// </summary>
internal static class BeirCommand
{
    public const int RequestFailed = 1;
    public const int InvalidInput = 2;
    public const int Interrupted = 130;

    public static Command Create()
    {
        var folder = new Argument<string?>("dataset") { Description = "A BEIR folder (corpus.jsonl, queries.jsonl, qrels/*.tsv); default ../shared/data/pubmedqa.", Arity = ArgumentArity.ZeroOrOne };
        var store = new Option<string?>("--store") { Description = "In-process: the dataset's own store (default: a file under the temp folder, reused between runs)." };
        var split = new Option<string?>("--split") { Description = "qrels split (default: test, else dev)." };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N queries." };
        var depth = new Option<int>("--depth") { Description = "Passages searched per query (the API's topK: at most its Answers:MaxTopK, 20 by default).", DefaultValueFactory = _ => 20 };
        depth.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--depth must be at least 1."); });
        var skipAnswers = new Option<bool>("--skip-answers") { Description = "Score retrieval only." };
        var json = new Option<string?>("--json") { Description = "Write the figures as JSON here." };
        var api = new ApiTargetOptions(
            "Base URL of a running API: search through its POST /v1/search (hybrid) and answer through /v1/answers. Its store must already hold the corpus (--api never indexes).",
            "Queries in flight at once.");
        var tuning = new AnswerTuningOptions();
        var command = new Command("beir", "BEIR benchmark: nDCG@10, recall@1/10 and MRR of hybrid, dense and BM25 rankings, and answer citation accuracy.")
        {
            folder, store, split, limit, depth, skipAnswers, json,
        };
        api.AddTo(command);
        tuning.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(folder) ?? DefaultDataset();
            if (!File.Exists(Path.Combine(path, "corpus.jsonl")))
            {
                Console.WriteLine($"skipped: no BEIR dataset at {Path.GetFullPath(path)} (expected corpus.jsonl, queries.jsonl and qrels/).");
                return 0;
            }
            BeirDataset data;
            try
            {
                data = BeirDataset.Load(path, result.GetValue(split));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or JsonException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return InvalidInput;
            }
            var run = new BeirRun(data, data.Queries.Take(result.GetValue(limit) ?? int.MaxValue).ToList(), result.GetValue(depth),
                api.Concurrency(result), result.GetValue(skipAnswers), result.GetValue(json));
            if (api.Target(result) is { } target)
            {
                if (tuning.AnyGiven(result)) Console.WriteLine("note: the composer settings given apply in-process only; the service answers with its own.");
                await using (target) return await RunAgainstApiAsync(run, target, cancellationToken);
            }
            var storePath = result.GetValue(store) ?? Path.Combine(Path.GetTempPath(), "ragapi-beir", $"{new DirectoryInfo(path).Name}.db");
            return await RunInProcessAsync(run, storePath, tuning.Read(result), cancellationToken);
        });
        return command;
    }

    private sealed record BeirRun(BeirDataset Data, IReadOnlyList<BeirQuery> Queries, int Depth, int Concurrency, bool SkipAnswers, string? JsonPath);

    private static string DefaultDataset()
    {
        var repository = Path.GetDirectoryName(RepositoryPaths.Find("RagApi.sln"))!;
        return Path.Combine(RagApi.LoadTest.QuestionSets.SharedDataFolder(repository), "pubmedqa");
    }

    private static async Task<int> RunAgainstApiAsync(BeirRun run, HttpTarget target, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Against the {target.Description}: the corpus must already be indexed in the service's store (--api never indexes;");
        Console.WriteLine($"  e.g. dotnet run --project indexer -- index {run.Data.CorpusPath} --store <the service's Store:Path>).");
        Console.WriteLine("  The API searches hybrid only: dense@hybrid and lexical@hybrid re-rank its passages by their dense and BM25 scores.");
        return await ReportAsync(run, new ApiSearch(target, run.Depth), (text, token) => target.AnswerAsync(text, [], token),
            "the service's own composer settings", cancellationToken);
    }

    private static async Task<int> RunInProcessAsync(BeirRun run, string storePath, AnswerTuning tuning, CancellationToken cancellationToken)
    {
        using var services = new KnowledgeServices(storePath, tuning.Options, relevanceThreshold: tuning.RelevanceThreshold);
        Console.WriteLine($"Indexing {run.Data.CorpusPath} into {storePath} (unchanged documents are skipped)");
        var indexed = await services.Indexing.RunAsync(run.Data.LoadCorpus(), prune: true, progress: null, cancellationToken);
        Console.WriteLine($"  {indexed}");
        var settings = string.Create(CultureInfo.InvariantCulture,
            $"topK {tuning.TopK?.ToString(CultureInfo.InvariantCulture) ?? "default"}, threshold {services.Options.RelevanceThreshold}, max statements {services.Options.MaxStatements}, per document {services.Options.MaxStatementsPerDocument}");
        return await ReportAsync(run, new StoreSearch(services, run.Depth),
            (text, token) => services.Answers.AnswerAsync(new AnswerQuery(text, [], SearchFilters.None, tuning.TopK), token), settings, cancellationToken);
    }

    private static async Task<int> ReportAsync(BeirRun run, IBeirSearch search, Func<string, CancellationToken, Task<ClinicalAnswer>> ask,
        string settings, CancellationToken cancellationToken)
    {
        var runner = new BeirRunner(run.Concurrency);
        IReadOnlyList<RetrievalScores>? retrieval;
        AnswerScores? answers = null;
        try
        {
            Console.WriteLine($"Retrieval over {run.Queries.Count} queries through {search.Description}, {run.Concurrency} at a time (documents ranked by their best passage):");
            retrieval = await runner.RetrieveAsync(run.Data, run.Queries, search, cancellationToken);
            if (retrieval is null) return InterruptedWithoutFigures();
            WriteRetrieval(retrieval);
            if (!run.SkipAnswers)
            {
                answers = await runner.AnswerAsync(run.Data, run.Queries, ask, cancellationToken);
                if (answers is null) return InterruptedWithoutFigures();
                WriteAnswers(answers, settings);
            }
        }
        catch (TargetRequestException e)
        {
            Console.Error.WriteLine($"error: a request failed{(e.Status is { } s ? $" with HTTP {s}" : "")}, so the run stops and prints no figure from it: {e.Message}");
            return RequestFailed;
        }
        if (run.JsonPath is not null)
            await File.WriteAllTextAsync(run.JsonPath, JsonSerializer.Serialize(
                new { dataset = run.Data.Folder, queries = run.Queries.Count, depth = run.Depth, search = search.Description, retrieval, answers, answerSettings = settings },
                ReportJson.Options), cancellationToken);
        return 0;
    }

    private static int InterruptedWithoutFigures()
    {
        Console.Error.WriteLine("Interrupted before every query finished: no figures are printed from a partial run.");
        return Interrupted;
    }

    private static void WriteRetrieval(IReadOnlyList<RetrievalScores> retrieval)
    {
        Console.WriteLine("  ranking          nDCG@10  recall@1  recall@10  MRR@10   ms/query");
        foreach (var r in retrieval)
        {
            var milliseconds = r.MeanMilliseconds is { } ms ? ms.ToString("F1", CultureInfo.InvariantCulture) : "-";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.Ranking,-15} {r.NdcgAt10,8:F4}  {r.RecallAt1,8:F4}  {r.RecallAt10,9:F4}  {r.MrrAt10,6:F4}  {milliseconds,9}"));
        }
        if (retrieval.Any(r => r.Ranking.Contains('@', StringComparison.Ordinal)))
            Console.WriteLine("  (x@hybrid: the hybrid passages re-ranked by their x score; not the store's own x search)");
    }

    private static void WriteAnswers(AnswerScores answers, string settings)
    {
        Console.WriteLine($"Answers over {answers.Questions} queries ({settings}):");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  relevant document cited        {answers.RelevantCited:P1} of queries"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  citations to relevant docs     {answers.CitationPrecision:P1} of all citations"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  refused (insufficient evid.)   {answers.Refused:P1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  citations / documents per answer {answers.CitationsPerAnswer:F2} / {answers.DocumentsPerAnswer:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  structurally valid             {answers.StructurallyValid:P1}; {answers.MeanMilliseconds:F0} ms per answer"));
    }
}
