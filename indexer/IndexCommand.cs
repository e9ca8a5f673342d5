using System.CommandLine;
using RagApi.Knowledge.Chunking;
using RagApi.Knowledge.Documents;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Indexing;
using RagApi.Knowledge.Store;
using RagApi.Knowledge.Store.Embedded;

namespace RagApi.Indexer;

internal static class IndexCommand
{
    public const int InvalidInput = 1;
    public const int Failed = 2;

    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A folder of Markdown/JSONL documents, or one file." };
        var store = StoreLocation.Option();
        var prune = new Option<bool>("--prune") { Description = "Remove stored documents that are no longer in the source." };
        var command = new Command("index", "Validate, chunk, embed and store documents; unchanged documents are skipped.") { source, store, prune };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(source)!, result.GetValue(store)!, result.GetValue(prune), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string source, string storePath, bool prune, CancellationToken cancellationToken)
    {
        IReadOnlyList<SourceDocument> documents;
        try
        {
            documents = DocumentSourceLoader.Load(source);
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
            IKnowledgeStore knowledgeStore = new SqliteKnowledgeStore(storePath);
            var pipeline = new IndexingPipeline(knowledgeStore, embedder, new Chunker(embedder), TimeProvider.System);
            Console.WriteLine($"Indexing {documents.Count} documents from {source} into {Path.GetFullPath(storePath)}");
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
        catch (Exception e) when (e is EmbeddingModelMismatchException or IOException or UnauthorizedAccessException
                                       or Microsoft.Data.Sqlite.SqliteException or InvalidDataException or HttpRequestException
                                       or System.ClientModel.ClientResultException or Polly.ExecutionRejectedException or InvalidOperationException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Failed;
        }
    }
}
