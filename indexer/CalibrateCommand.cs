using System.CommandLine;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Embeddings;

namespace RagApi.Indexer;

/// <summary>
/// <c>ragapi-index calibrate</c>: measures the relevance and support thresholds for the configured embedding model on
/// a store that holds the seed corpus, and stores them with the store's model binding, where the API reads them.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var location = new StoreLocation();
        var cases = new Option<string>("--cases") { Description = "Folder holding relevance-calibration.jsonl and support-calibration.jsonl.", DefaultValueFactory = _ => Path.Combine("seeds", "eval") };
        var command = new Command("calibrate", "Calibrate the relevance and support thresholds for the store's embedding model and store them with it.") { cases };
        foreach (var option in location.Options) command.Options.Add(option);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (StoreChecks.Problem(location, result) is { } problem)
            {
                Console.Error.WriteLine($"error: {problem}");
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
                var embedder = EmbedderFactory.Create();
                using var disposeEmbedder = embedder as IDisposable;
                var store = location.Open(result);
                var statistics = await store.GetStatisticsAsync(cancellationToken);
                if (statistics.Documents == 0)
                {
                    Console.Error.WriteLine($"error: {location.Describe(result)} holds no documents: index the seed corpus (ragapi-index index seeds) first, then calibrate.");
                    return IndexCommand.Failed;
                }
                await store.EnsureEmbeddingModelAsync(embedder.ModelId, embedder.Dimensions, cancellationToken);
                var report = await new ThresholdCalibrator(store, embedder, new AnswerOptions()).CalibrateAsync(set, cancellationToken);
                await store.SaveCalibrationAsync(report.Calibration, cancellationToken);
                Console.WriteLine($"Calibrated '{embedder.ModelId}' on {set.Relevance.Count} questions and {set.Support.Count} statements: {report}");
                Console.WriteLine($"Stored with the model binding of {location.Describe(result)}.");
                return 0;
            }
            catch (RagApi.Knowledge.KnowledgeException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return IndexCommand.Failed;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or Grpc.Core.RpcException or HttpRequestException
                                           or System.ClientModel.ClientResultException or InvalidOperationException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return IndexCommand.Failed;
            }
        });
        return command;
    }
}
