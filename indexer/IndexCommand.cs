using System.CommandLine;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;

namespace RagApi.Indexer;

internal static class IndexCommand
{
    public const int InvalidInput = 1;
    public const int Failed = 2;

    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A folder of Markdown, JSONL, PDF (with .yaml sidecars), HTML, PubMed or JATS XML documents, or one file." };
        var location = new StoreLocation();
        var prune = new Option<bool>("--prune") { Description = "Remove stored documents that are no longer in the source." };
        var command = new Command("index", "Validate, chunk, embed and store documents; unchanged documents are skipped.") { source, prune };
        foreach (var option in location.Options) command.Options.Add(option);
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(source)!, location, result, result.GetValue(prune), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string source, StoreLocation location, ParseResult result, bool prune, CancellationToken cancellationToken)
    {
        if (StoreChecks.Problem(location, result) is { } settingsProblem)
        {
            Console.Error.WriteLine($"error: {settingsProblem}");
            return Failed;
        }

        DocumentSet set;
        try
        {
            set = DocumentSourceLoader.LoadSet(source);
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
            var embedder = EmbedderFactory.Create();
            using var disposeEmbedder = embedder as IDisposable;
            var knowledgeStore = location.Open(result);
            var pipeline = new IndexingPipeline(knowledgeStore, embedder, new Chunker(embedder), TimeProvider.System);
            var documents = set.Documents;
            var pages = documents.Sum(d => d.Pages);
            Console.WriteLine($"Indexing {documents.Count} documents{(pages > 0 ? $" ({pages} PDF pages)" : "")} from {source} into {location.Describe(result)}");
            var summary = await IndexingProgressDisplay.RunAsync(documents.Count,
                progress => pipeline.RunAsync(documents, prune, progress, cancellationToken));
            Console.WriteLine($"Done: {summary}");
            foreach (var note in set.Notes) Console.WriteLine($"note: {note}");
            if (set.Skipped.Count > 0)
            {
                Console.WriteLine($"Skipped {set.Skipped.Count} file(s) in no format the indexer reads ({DocumentSourceLoader.SkippedSummary(set.Skipped)}):");
                foreach (var file in set.Skipped) Console.WriteLine($"  skipped: {file}");
            }
            return 0;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled. Documents already written are complete; run again to finish the rest.");
            return Failed;
        }
        catch (KnowledgeStoreUnavailableException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine("Documents already written are complete; run again once the store answers to finish the rest.");
            return Failed;
        }
        catch (Exception e) when (e is EmbeddingModelMismatchException or IOException or UnauthorizedAccessException
                                       or Microsoft.Data.Sqlite.SqliteException or InvalidDataException or Grpc.Core.RpcException
                                       or HttpRequestException or System.ClientModel.ClientResultException
                                       or Polly.ExecutionRejectedException or InvalidOperationException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Failed;
        }
    }
}
