using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RagApi.Knowledge;
using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Ingestion.Documents;

namespace RagApi.Indexer;

internal static class IndexCommand
{
    public const int InvalidInput = 1;
    public const int Failed = 2;

    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A folder of Markdown, JSONL, PDF (with .yaml sidecars), HTML, PubMed or JATS XML documents, or one file." };
        var store = new StoreSelection();
        var prune = new Option<bool>("--prune") { Description = "Remove stored documents that are no longer in the source." };
        var partition = new Option<string?>("--partition")
        {
            Description = "k/n: index only part k of n of the documents (split by a stable hash of their id), so n processes can fill one store in parallel.",
        };
        var command = new Command("index", "Validate, chunk, embed and store documents; unchanged documents are skipped.") { source, prune, partition };
        foreach (var option in store.Options) command.Options.Add(option);
        command.SetAction((result, cancellationToken) =>
        {
            if (result.GetValue(partition) is not { } part)
                return RunAsync(result.GetValue(source)!, store.Overrides(result), result.GetValue(prune), DocumentPartition.Whole, cancellationToken);
            if (!DocumentPartition.TryParse(part, out var parsed, out var problem) || result.GetValue(prune))
            {
                // Pruning from one part would remove every other part's documents from the store.
                Console.Error.WriteLine($"error: {problem ?? "--prune cannot be combined with --partition: run the pruning pass in one process, without --partition."}");
                return Task.FromResult(InvalidInput);
            }
            return RunAsync(result.GetValue(source)!, store.Overrides(result), prune: false, parsed, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string source, IReadOnlyDictionary<string, string?> overrides, bool prune, DocumentPartition partition,
        CancellationToken cancellationToken)
    {
        using var host = IndexerHost.Build(overrides);
        if (IndexerHost.SettingsProblems(host) is { Count: > 0 } problems)
        {
            foreach (var problem in problems) Console.Error.WriteLine($"error: {problem}");
            return Failed;
        }

        DocumentSource set;
        try
        {
            // Validated whole before the store is opened (bad input leaves the store untouched), then read again
            // document by document while indexing, so memory does not grow with the source.
            set = DocumentSourceLoader.Open(source);
        }
        catch (DocumentValidationException e)
        {
            foreach (var problem in e.Problems) Console.Error.WriteLine($"error: {problem}");
            var rejected = e.Problems.Select(p => p.File).Distinct(StringComparer.Ordinal).ToList();
            Console.Error.WriteLine($"Rejected {rejected.Count} file(s): {string.Join(", ", rejected)}");
            Console.Error.WriteLine($"Nothing was written: fix the {e.Problems.Count} problem(s) above and run again.");
            return InvalidInput;
        }

        try
        {
            var pipeline = host.Services.GetRequiredService<IndexingPipeline>();
            var contentRoot = host.Services.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var entries = set.Entries.Where(d => partition.Includes(d.Id)).ToList();
            var pages = entries.Sum(d => d.Pages);
            var part = partition == DocumentPartition.Whole ? "" : $" (partition {partition})";
            Console.WriteLine($"Indexing {entries.Count} documents{(pages > 0 ? $" ({pages} PDF pages)" : "")}{part} from {source} into {StoreSelection.Describe(host.Services, contentRoot)}");
            var documents = set.Documents().Where(d => partition.Includes(d.Id));
            var summary = await IndexingProgressDisplay.RunAsync(entries.Count,
                progress => pipeline.RunAsync(documents, entries.Count, prune, progress, cancellationToken));
            Console.WriteLine($"Done: {summary}");
            foreach (var note in set.Notes) Console.WriteLine($"note: {note}");
            if (set.Skipped.Count > 0)
            {
                Console.WriteLine($"Skipped {set.Skipped.Count} file(s) in no format the indexer reads ({DocumentSourceLoader.SkippedSummary(set.Skipped)}):");
                foreach (var file in set.Skipped) Console.WriteLine($"  skipped: {file}");
            }
            return 0;
        }
        catch (DocumentValidationException e)
        {
            foreach (var problem in e.Problems) Console.Error.WriteLine($"error: {problem}");
            Console.Error.WriteLine("The source changed while it was indexed. Documents already written are complete; fix the problem(s) above and run again.");
            return InvalidInput;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled. Documents already written are complete; run again to finish the rest.");
            return Failed;
        }
        catch (KnowledgeException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            if (e.IsTransient)
                Console.Error.WriteLine("Documents already written are complete; run again once the store answers to finish the rest.");
            return Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Failed;
        }
    }
}
