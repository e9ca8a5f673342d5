using System.Globalization;
using RagApi.Eval.Metrics;
using RagApi.Knowledge.Embeddings;
using RagApi.LoadTest;

namespace RagApi.Eval.Perf;

/// <summary>
/// The real API as its own process on a loopback port (seed store), one API key per client and rate limits set
/// far above the load, driven by 1, 16 and 64 clients on two question sets. Each answers/s figure is set beside
/// the embedding model's own batch-16 throughput on the same questions (measured here while the server idles);
/// the issue's targets are checked on those figures; the server's RSS is sampled throughout.
/// </summary>
internal sealed class ApiLoadBenchmark(ITextEmbedder embedder, string serverDll, string storePath)
{
    public static readonly int[] ClientCounts = [1, 16, 64];
    private const int RequestTimeoutSeconds = 30;

    public sealed record Result(IReadOnlyList<string> Lines, bool AllRequestsSucceeded, bool TargetsMet);

    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        var root = Path.GetDirectoryName(RepositoryPaths.Find("RagApi.sln"))!;
        var sets = new List<(string Name, IReadOnlyList<string> Questions)> { ("seed", QuestionSets.Seed(Path.Combine(root, "seeds"))) };
        var fresh = QuestionSets.Fresh(QuestionSets.SharedDataFolder(root));
        if (fresh.Count > 0) sets.Add(("fresh", fresh));

        var keys = Enumerable.Range(0, ClientCounts.Max()).Select(i => $"perf-client-{i:D2}-{Guid.NewGuid():N}").ToList();
        var limits = new Dictionary<string, string>
        {
            // Limits far above the load, so the figures measure the service and not the limiter.
            ["RateLimits__PermitsPerMinute"] = "10000000",
            ["RateLimits__Burst"] = "1000000",
            ["Requests__TimeoutSeconds"] = RequestTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
        };
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(RequestTimeoutSeconds * 2) };
        await using var server = ServerProcess.Start(serverDll, root, storePath, keys, limits);
        await server.WaitUntilReadyAsync(http, TimeSpan.FromMinutes(5), cancellationToken);
        var lines = new List<string> { $"  server {serverDll} pid {server.ProcessId} at {server.Address}; {Environment.ProcessorCount} cores; RSS after start {Mib(server.ResidentBytes())}" };
        var load = new ClientLoad(http, server.Address, keys);
        var peakRss = 0L;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
            try
            {
                while (await timer.WaitForNextTickAsync(sampling.Token)) peakRss = Math.Max(peakRss, server.ResidentBytes());
            }
            catch (OperationCanceledException)
            {
                // Sampling ends with the load.
            }
        }, CancellationToken.None);

        var warmUp = await ServerWarmUp.RunAsync(load, sets[0].Questions, cancellationToken);
        lines.Add($"{warmUp.Line}; RSS before load {Mib(server.ResidentBytes())}");
        var allClean = warmUp.Failed == 0;
        var targetsMet = true;
        foreach (var (name, questions) in sets)
        {
            var ceiling = await BatchCeilingAsync(questions, cancellationToken);
            var ceilingName = $"MiniLM batch 16 on {name}";
            var offset = 0;
            var outcomes = new Dictionary<int, LoadOutcome>();
            foreach (var clients in ClientCounts)
            {
                var requests = RequestsAt(clients);
                var outcome = await load.RunAsync("answer", name, questions, offset, clients, requests, cancellationToken);
                offset += requests;
                outcomes[clients] = outcome;
                allClean &= outcome.Clean;
                lines.Add(outcome.Line(ceiling, ceilingName));
            }
            if (name == "fresh")
                lines.Add(offset <= questions.Count ? $"  fresh: {offset} requests drew {offset} different questions (none repeated)" : $"  fresh: {offset} requests over {questions.Count} questions (some repeated)");
            var checks = Targets(outcomes, ceiling);
            targetsMet &= checks.All(c => c.Met);
            lines.AddRange(checks.Select(c => $"    target {(c.Met ? "met   " : "MISSED")} {c.Text}"));
        }
        foreach (var clients in ClientCounts)
        {
            var outcome = await load.RunAsync("search", "seed", sets[0].Questions, 0, clients, RequestsAt(clients), cancellationToken);
            allClean &= outcome.Clean;
            lines.Add(outcome.Line(double.NaN, "-").Split(" | ")[0]);
        }
        await sampling.CancelAsync();
        await sampler;
        lines.Add($"  server RSS: now {Mib(server.ResidentBytes())}, peak sampled during the load {Mib(peakRss)}");
        var exit = await server.StopAsync();
        lines.Add($"  server stopped with SIGTERM: exit code {exit}");
        return new Result(lines, allClean, targetsMet);
    }

    /// <summary>
    /// Enough for a few seconds at each level, so the ramp-up and the drain are a small part of it, and within
    /// the 1,309 fresh questions (40 + 512 + 640) so none repeats.
    /// </summary>
    private static int RequestsAt(int clients) => clients switch { 1 => 40, 16 => 512, _ => 640 };

    /// <summary>Questions per second the embedding model reaches alone, in batches of 16, on these questions.</summary>
    private async Task<double> BatchCeilingAsync(IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        var sample = questions.Take(256).ToList();
        await embedder.EmbedAsync(sample.Take(16).ToList(), cancellationToken);
        var best = double.MaxValue;
        for (var i = 0; i < 2; i++)
            best = Math.Min(best, await Measure.MillisecondsAsync(async () =>
            {
                foreach (var batch in sample.Chunk(16)) await embedder.EmbedAsync(batch, cancellationToken);
            }));
        return sample.Count / (best / 1000);
    }

    private static IReadOnlyList<(bool Met, string Text)> Targets(IReadOnlyDictionary<int, LoadOutcome> o, double ceiling)
    {
        if (!o.Values.All(x => x.Clean)) return [(false, "not checked: a load level had failed requests")];
        var (one, sixteen, sixtyFour) = (o[1], o[16], o[64]);
        return
        [
            (sixteen.PerSecond >= 0.7 * ceiling, string.Create(CultureInfo.InvariantCulture, $"answers/s at 16 clients {sixteen.PerSecond:F1} >= 0.7 x batch-16 ceiling {ceiling:F1} = {0.7 * ceiling:F1}")),
            (sixteen.P95 <= 4 * one.P50, string.Create(CultureInfo.InvariantCulture, $"p95 at 16 clients {sixteen.P95:F0} ms <= 4 x single-client p50 {one.P50:F0} ms = {4 * one.P50:F0} ms")),
            (sixtyFour.Clean && sixtyFour.P99 < RequestTimeoutSeconds * 1000, string.Create(CultureInfo.InvariantCulture, $"64 clients: {sixtyFour.Failed} errors, p99 {sixtyFour.P99:F0} ms < request timeout {RequestTimeoutSeconds * 1000} ms")),
        ];
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F0} MiB");
}
