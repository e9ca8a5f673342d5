using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion.Documents;

namespace RagApi.Eval.Perf;

/// <summary>ragapi-eval perf: embedding and indexing throughput, API latency under load, dense retrieval at scale, memory.</summary>
internal static class PerfCommand
{
    public static Command Create()
    {
        var sizes = new Option<int[]>("--sizes") { Description = "Synthetic chunk counts for the dense retrieval figures.", DefaultValueFactory = _ => [10_000, 100_000, 1_000_000], AllowMultipleArgumentsPerToken = true };
        var parts = new Option<string[]>("--parts") { Description = "Which parts to run: embed, index, api, stream, dense, answer (in-process answer latency beside one query embedding), and query (one question embedded by each local model; not in the default).", DefaultValueFactory = _ => ["embed", "index", "api", "stream", "dense", "answer"], AllowMultipleArgumentsPerToken = true };
        var server = new Option<string?>("--server") { Description = "RagApi.dll the api part runs (default: the build of the same configuration under src/RagApi/bin)." };
        var serverStore = new Option<string?>("--server-store") { Description = "A seeded store the api part's server starts from (copied first; default: the server seeds a new one, which takes minutes on a busy machine)." };
        var command = new Command("perf", "Performance benchmark: prints every figure beside its reference and the ratio; exits 1 when any API request failed.") { sizes, parts, server, serverStore };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(sizes)!, result.GetValue(parts)!.ToHashSet(), result.GetValue(server), result.GetValue(serverStore), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int[] sizes, HashSet<string> parts, string? serverDll, string? serverStore, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var folder = Path.Combine(Path.GetTempPath(), $"ragapi-perf-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            using var embedder = new MiniLmEmbedder();
            var seeds = DocumentSourceLoader.Load(RepositoryPaths.Find("seeds"));
            var storePath = Path.Combine(folder, "seeds.db");

            var exitCode = 0;
            if (parts.Contains("embed") || parts.Contains("stream"))
            {
                Console.WriteLine($"Embedding and indexing ({seeds.Count} seed documents):");
                foreach (var figure in await EmbeddingBenchmark.RunAsync(embedder, seeds, storePath, cancellationToken)) Console.WriteLine(figure);
            }
            if (parts.Contains("query"))
            {
                Console.WriteLine("One query embedding, each local model:");
                foreach (var figure in await QueryEmbeddingBenchmark.RunAsync(CalibrationQuestions(), cancellationToken)) Console.WriteLine(figure);
            }
            if (parts.Contains("answer"))
            {
                Console.WriteLine("Answer latency in-process (extractive, embedded seed store), beside one query embedding:");
                if (!File.Exists(storePath)) await EmbeddingBenchmark.IndexAsync(embedder, seeds, storePath, cancellationToken);
                var root = Path.GetDirectoryName(RepositoryPaths.Find("RagApi.sln"))!;
                var sets = new List<(string, IReadOnlyList<string>)> { ("seed", LoadTest.QuestionSets.Seed(Path.Combine(root, "seeds"))) };
                if (LoadTest.QuestionSets.Fresh(LoadTest.QuestionSets.SharedDataFolder(root)) is { Count: > 0 } fresh) sets.Add(("fresh", fresh));
                foreach (var line in await AnswerLatencyBenchmark.RunAsync(storePath, sets, cancellationToken)) Console.WriteLine(line);
            }
            if (parts.Contains("index"))
            {
                var corpus = RepositoryPaths.Find(Path.Combine("..", "shared", "data", "pubmedqa", "corpus.jsonl"));
                Console.WriteLine($"Indexing PubMedQA ({corpus}; the machine is shared, so figures are pessimistic):");
                foreach (var figure in await IndexingBenchmark.RunAsync(embedder, corpus, Path.Combine(folder, "pubmedqa.db"), cancellationToken)) Console.WriteLine(figure);
            }
            if (parts.Contains("api"))
            {
                Console.WriteLine("API on loopback (the server as its own process, seed store, one key per client, rate limits above the load):");
                var apiStore = Path.Combine(folder, "server", "ragapi.db");
                Directory.CreateDirectory(Path.GetDirectoryName(apiStore)!);
                if (serverStore is not null) File.Copy(serverStore, apiStore);
                var api = await new ApiLoadBenchmark(embedder, serverDll ?? DefaultServer(), apiStore).RunAsync(cancellationToken);
                foreach (var line in api.Lines) Console.WriteLine(line);
                if (!api.AllRequestsSucceeded)
                {
                    Console.Error.WriteLine("perf: some API requests failed (see FAILED lines); their levels print no figures.");
                    exitCode = 1;
                }
                if (!api.TargetsMet) Console.WriteLine("  (a throughput target was missed: see the MISSED lines)");
            }
            if (parts.Contains("stream"))
            {
                Console.WriteLine("Verified streaming (API on loopback, stand-in chat model):");
                foreach (var line in await new StreamingBenchmark(storePath, embedder, CalibrationQuestions()).RunAsync(cancellationToken)) Console.WriteLine(line);
            }
            if (parts.Contains("dense"))
            {
                Console.WriteLine("Dense retrieval over synthetic chunks (exact SIMD scan, top 50):");
                foreach (var line in DenseScanBenchmark.Run(sizes)) Console.WriteLine(line);
            }

            using var process = Process.GetCurrentProcess();
            var largest = (double)sizes.Max() * DenseScanBenchmark.Dimensions * sizeof(float) / 1e6;
            Console.WriteLine("Process memory:");
            Console.WriteLine(new Figure("peak working set", process.PeakWorkingSet64 / 1e6, "MB", $"largest vector array ({sizes.Max():N0} x 384 floats)", largest));
            Console.WriteLine(new Figure("working set now", process.WorkingSet64 / 1e6, "MB", $"largest vector array ({sizes.Max():N0} x 384 floats)", largest));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Total benchmark time {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s"));
            return exitCode;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IReadOnlyList<string> CalibrationQuestions() =>
        File.ReadLines(Path.Combine(RepositoryPaths.Find("seeds"), "eval", "relevance-calibration.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => !e.GetProperty("shouldRefuse").GetBoolean())
            .Select(e => e.GetProperty("question").GetString()!)
            .ToList();

    /// <summary>The server built in the configuration of this binary (a Release benchmark runs the Release server).</summary>
    private static string DefaultServer()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepositoryPaths.Find(Path.Combine("src", "RagApi")), "bin", configuration, "net10.0", "linux-x64", "RagApi.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"No server at {dll}: build it (dotnet build -c {configuration} src/RagApi) or pass --server.");
    }
}
