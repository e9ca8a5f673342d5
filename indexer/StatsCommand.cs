using System.CommandLine;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;

namespace RagApi.Indexer;

internal static class StatsCommand
{
    public static Command Create()
    {
        var location = new StoreLocation();
        var command = new Command("stats", "Show what the store holds.");
        foreach (var option in location.Options) command.Options.Add(option);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (StoreChecks.Problem(location, result) is { } problem)
            {
                Console.Error.WriteLine($"error: {problem}");
                return IndexCommand.Failed;
            }
            if (location.EmbeddedPath(result) is { } path && !File.Exists(path))
            {
                Console.Error.WriteLine($"error: no store at {Path.GetFullPath(path)}");
                return IndexCommand.Failed;
            }
            try
            {
                var statistics = await location.Open(result).GetStatisticsAsync(cancellationToken);
                Console.WriteLine($"store      {location.Describe(result)}");
                Console.WriteLine($"documents  {statistics.Documents}");
                Console.WriteLine($"chunks     {statistics.Chunks}");
                Console.WriteLine($"model      {statistics.EmbeddingModel ?? "(none yet)"} ({statistics.Dimensions?.ToString() ?? "-"} dimensions)");
                return 0;
            }
            catch (KnowledgeStoreUnavailableException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return IndexCommand.Failed;
            }
        });
        return command;
    }
}
