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
        var source = new Argument<string>("source") { Description = "A folder of Markdown/JSONL documents, or one file." };
        var location = new StoreLocation();
        var prune = new Option<bool>("--prune") { Description = "Remove stored documents that are no longer in the source." };
        var partition = new Option<string?>("--partition")
        {
            Description = "k/n: index only part k of n of the documents (split by a stable hash of their id), so n processes can fill one store in parallel.",
        };
        var command = new Command("index", "Validate, chunk, embed and store documents; unchanged documents are skipped.") { source, prune, partition };
        foreach (var option in location.Options) command.Options.Add(option);
        command.SetAction((result, cancellationToken) =>
        {
            if (result.GetValue(partition) is not { } part) return RunAsync(result.GetValue(source)!, location, result, result.GetValue(prune), DocumentPartition.Whole, cancellationToken);
            if (!DocumentPartition.TryParse(part, out var parsed, out var problem) || result.GetValue(prune))
            {
                // Pruning from one part would remove every other part's documents from the store.
                Console.Error.WriteLine($"error: {problem ?? "--prune cannot be combined with --partition: run the pruning pass in one process, without --partition."}");
                return Task.FromResult(InvalidInput);
            }
            return RunAsync(result.GetValue(source)!, location, result, prune: false, parsed, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string source, StoreLocation location, ParseResult result, bool prune, DocumentPartition partition, CancellationToken cancellationToken)
    {
        if (StoreChecks.Problem(location, result) is { } settingsProblem)
        {
            Console.Error.WriteLine($"error: {settingsProblem}");
            return Failed;
        }

        IReadOnlyList<SourceDocument> documents;
        try
        {
            documents = DocumentSourceLoader.Load(source).Where(d => partition.Includes(d.Id)).ToList();
        }
        catch (DocumentValidationException e)
        {
            foreach (var problem in e.Problems) Console.Error.WriteLine($"error: {problem}");
            Console.Error.WriteLine($"Nothing was written: fix the {e.Problems.Count} problem(s) above and run again.");
            return InvalidInput;
        }

        try
        {
            var embedder = EmbedderFactory.Create();
            using var disposeEmbedder = embedder as IDisposable;
            var knowledgeStore = location.Open(result);
            var pipeline = new IndexingPipeline(knowledgeStore, embedder, new Chunker(embedder), TimeProvider.System);
            var part = partition == DocumentPartition.Whole ? "" : $" (partition {partition})";
            Console.WriteLine($"Indexing {documents.Count} documents{part} from {source} into {location.Describe(result)}");
            var summary = await IndexingProgressDisplay.RunAsync(documents.Count,
                progress => pipeline.RunAsync(documents, prune, progress, cancellationToken));
            Console.WriteLine($"Done: {summary}");
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
