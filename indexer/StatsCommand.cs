using System.CommandLine;
using RagApi.Knowledge.Store.Embedded;

namespace RagApi.Indexer;

internal static class StatsCommand
{
    public static Command Create()
    {
        var store = StoreLocation.Option();
        var command = new Command("stats", "Show what the store holds.") { store };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(store)!;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"error: no store at {Path.GetFullPath(path)}");
                return IndexCommand.Failed;
            }
            var statistics = await new SqliteKnowledgeStore(path).GetStatisticsAsync(cancellationToken);
            Console.WriteLine($"store      {Path.GetFullPath(path)}");
            Console.WriteLine($"documents  {statistics.Documents}");
            Console.WriteLine($"chunks     {statistics.Chunks}");
            Console.WriteLine($"model      {statistics.EmbeddingModel ?? "(none yet)"} ({statistics.Dimensions?.ToString() ?? "-"} dimensions)");
            return 0;
        });
        return command;
    }
}
