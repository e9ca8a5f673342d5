using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Storage;

namespace RagApi.Indexer;

/// <summary>
/// <c>ragapi-index calibrate</c>: measures the relevance and support thresholds for the configured embedding model on
/// a store that holds the seed corpus, and stores them with the store's model binding, where the API reads them.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var store = new StoreSelection();
        var cases = new Option<string>("--cases") { Description = "Folder holding relevance-calibration.jsonl and support-calibration.jsonl.", DefaultValueFactory = _ => Path.Combine("seeds", "eval") };
        var command = new Command("calibrate", "Calibrate the relevance and support thresholds for the store's embedding model and store them with it.") { cases };
        foreach (var option in store.Options) command.Options.Add(option);
        command.SetAction(async (result, cancellationToken) =>
        {
            using var host = IndexerHost.Build(store.Overrides(result));
            if (IndexerHost.SettingsProblems(host) is { Count: > 0 } problems)
            {
                foreach (var problem in problems) Console.Error.WriteLine($"error: {problem}");
                return IndexCommand.Failed;
            }
            CalibrationSet set;
            try
            {
                set = CalibrationSet.Load(result.GetValue(cases)!);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return IndexCommand.InvalidInput;
            }
            try
            {
                var embedder = host.Services.GetRequiredService<ITextEmbedder>();
                var knowledgeStore = host.Services.GetRequiredService<IKnowledgeStore>();
                var where = StoreSelection.Describe(host.Services, host.Services.GetRequiredService<IHostEnvironment>().ContentRootPath);
                var statistics = await knowledgeStore.GetStatisticsAsync(cancellationToken);
                if (statistics.Documents == 0)
                {
                    Console.Error.WriteLine($"error: {where} holds no documents: index the seed corpus (ragapi-index index seeds) first, then calibrate.");
                    return IndexCommand.Failed;
                }
                await knowledgeStore.EnsureEmbeddingModelAsync(embedder.ModelId, embedder.Dimensions, cancellationToken);
                var report = await new ThresholdCalibrator(knowledgeStore, embedder, host.Services.GetRequiredService<RagApi.Knowledge.Retrieval.Retriever>(), new AnswerOptions()).CalibrateAsync(set, cancellationToken);
                await knowledgeStore.SaveCalibrationAsync(report.Calibration, cancellationToken);
                Console.WriteLine($"Calibrated '{embedder.ModelId}' on {set.Relevance.Count} questions and {set.Support.Count} statements: {report}");
                Console.WriteLine($"Stored with the model binding of {where}.");
                return 0;
            }
            catch (RagApi.Knowledge.KnowledgeException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return IndexCommand.Failed;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return IndexCommand.Failed;
            }
        });
        return command;
    }
}
