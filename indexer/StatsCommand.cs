using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RagApi.Knowledge;
using RagApi.Knowledge.Storage;

namespace RagApi.Indexer;

internal static class StatsCommand
{
    public static Command Create()
    {
        var store = new StoreSelection();
        var command = new Command("stats", "Show what the store holds.");
        foreach (var option in store.Options) command.Options.Add(option);
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = IndexerHost.Build(store.Overrides(result));
            if (IndexerHost.SettingsProblems(host) is { Count: > 0 } problems)
            {
                foreach (var problem in problems) Console.Error.WriteLine($"error: {problem}");
                return IndexCommand.Failed;
            }
            var contentRoot = host.Services.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var description = StoreSelection.Describe(host.Services, contentRoot);
            if (!host.Services.GetRequiredService<IOptions<StoreOptions>>().Value.IsQdrant && !File.Exists(description))
            {
                Console.Error.WriteLine($"error: no store at {description}");
                return IndexCommand.Failed;
            }
            try
            {
                var statistics = await host.Services.GetRequiredService<IKnowledgeStore>().GetStatisticsAsync(cancellationToken);
                Console.WriteLine($"store      {description}");
                Console.WriteLine($"documents  {statistics.Documents}");
                Console.WriteLine($"chunks     {statistics.Chunks}");
                Console.WriteLine($"model      {statistics.EmbeddingModel ?? "(none yet)"} ({statistics.Dimensions?.ToString() ?? "-"} dimensions)");
                return 0;
            }
            catch (KnowledgeException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return IndexCommand.Failed;
            }
        });
        return command;
    }
}
