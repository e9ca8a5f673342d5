using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RagApi.Eval.Beir;
using RagApi.Eval.Targets;
using RagApi.Knowledge.Ingestion.Documents;

namespace RagApi.Eval.SciFact;

/// <summary>ragapi-eval scifact: index the SciFact abstracts into their own store, then score answers and search on the claims.</summary>
internal static class SciFactCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "A SciFact folder (corpus.jsonl, queries.jsonl, qrels/train.tsv, rationales.jsonl, sentences.jsonl)." };
        var store = new Option<string>("--store")
        {
            Description = "The corpus's own store, reused between runs (unchanged abstracts are not embedded again).",
            DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "ragapi-scifact", "scifact.db"),
        };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N claims (answers and search)." };
        var corpusLimit = new Option<int?>("--corpus-limit") { Description = "Index only the first N abstracts plus the evidence of the claims used (figures then do not compare with published ones)." };
        var api = new ApiTargetOptions(
            "Ask a running API instead: POST /v1/search (hybrid only) and /v1/answers. Its store must already hold the SciFact corpus (--api never indexes).",
            "Claims in flight at once.");
        var json = new Option<string?>("--json") { Description = "Write the figures, and each claim's answer as scored, as JSON here." };
        var command = new Command("scifact", "SciFact claims: evidence abstract cited, rationale sentence quoted, citation precision, and nDCG@10 per search mode.")
        {
            folder, store, limit, corpusLimit, json,
        };
        api.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            SciFactData data;
            try
            {
                data = SciFactData.Load(result.GetValue(folder)!);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            var claims = data.Claims.Take(result.GetValue(limit) ?? int.MaxValue).ToList();
            var queries = data.Beir.Queries.Take(result.GetValue(limit) ?? int.MaxValue).ToList();
            IEvalTarget target;
            if (api.Target(result) is { } http) target = http;
            else target = await IndexedAsync(data, claims, result.GetValue(store)!, result.GetValue(corpusLimit), cancellationToken);
            await using (target)
                return await ReportAsync(new SciFactRunner(target, api.Concurrency(result)), target, data, claims, queries, result.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<InProcessTarget> IndexedAsync(SciFactData data, IReadOnlyList<EvidencedClaim> claims, string storePath, int? corpusLimit, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(storePath))!);
        var services = new KnowledgeServices(storePath, new Knowledge.Answering.AnswerOptions());
        IReadOnlyList<SourceDocument> corpus = data.Beir.LoadCorpus();
        if (corpusLimit is { } n)
        {
            var evidence = claims.SelectMany(c => c.EvidenceDocuments).ToHashSet(StringComparer.Ordinal);
            corpus = corpus.Where((d, i) => i < n || evidence.Contains(d.Id)).ToList();
        }
        Console.WriteLine($"Indexing {corpus.Count} abstracts into {storePath} (unchanged abstracts are skipped)");
        // No pruning: a limited run must not delete what a full run embedded.
        Console.WriteLine($"  {await services.Indexing.RunAsync(corpus, prune: false, progress: null, cancellationToken)}");
        return new InProcessTarget(services);
    }

    private static async Task<int> ReportAsync(SciFactRunner runner, IEvalTarget target, SciFactData data, IReadOnlyList<EvidencedClaim> claims,
        IReadOnlyList<BeirQuery> queries, string? jsonPath, CancellationToken cancellationToken)
    {
        IReadOnlyList<SciFactRetrieval>? retrieval;
        SciFactAnswers? answers;
        try
        {
            var documents = target is InProcessTarget local ? (await local.DocumentCountAsync(cancellationToken)).ToString(CultureInfo.InvariantCulture) : "the API's";
            Console.WriteLine($"Search over {queries.Count} judged claims, {documents} abstracts in the store, against {target.Description} ({runner.Concurrency} at a time):");
            retrieval = await runner.RetrieveAsync(data.Beir, queries, cancellationToken);
            if (retrieval is null) return InterruptedWithoutFigures();
            Console.WriteLine("  mode      nDCG@10  recall@10");
            foreach (var r in retrieval) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.Mode,-8}  {r.NdcgAt10,7:F4}  {r.RecallAt10,9:F4}"));
            answers = await runner.AnswerAsync(claims, cancellationToken);
            if (answers is null) return InterruptedWithoutFigures();
        }
        catch (TargetRequestException e)
        {
            Console.Error.WriteLine($"error: a request failed{(e.Status is { } s ? $" with HTTP {s}" : "")}, so the run stops and prints no figure from it: {e.Message}");
            return BeirCommand.RequestFailed;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Answers over {answers.Claims} claims with evidence ({data.UnresolvedSentences} gold sentence indexes past their abstract ignored):"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  evidence abstract cited      {answers.EvidenceCited:P1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rationale sentence quoted    {answers.RationaleQuoted:P1}"));
        Console.WriteLine($"  citation precision           {answers.CitationPrecision.AsNumber()} (mean over answers that cite)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  refused                      {answers.Refused:P1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  structurally invalid         {answers.StructurallyInvalid}; {answers.MeanMilliseconds:F0} ms per answer"));
        if (jsonPath is not null)
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(new { claims = claims.Count, retrieval, answers },
                ReportJson.Options), cancellationToken);
        return 0;
    }

    private static int InterruptedWithoutFigures()
    {
        Console.Error.WriteLine("Interrupted before every claim finished: no figures are printed from a partial run.");
        return BeirCommand.Interrupted;
    }
}
