using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Storage;

namespace RagApi.Eval.Perf;

/// <summary>
/// The real API on a loopback port (Kestrel inside this process), loaded by 1, 16 and 64 concurrent clients. Each
/// figure is set beside the same work done in-process without HTTP, one call at a time (the floor), and beside
/// the ideal throughput of all cores each doing that work back to back.
/// </summary>
internal sealed class ApiLoadBenchmark(string storePath, ITextEmbedder embedder, IReadOnlyList<string> questions)
{
    public static readonly int[] ClientCounts = [1, 16, 64];

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        // The content root is the repository's src/RagApi wherever this binary was copied to.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_RAGAPI", RepositoryPaths.Find(Path.Combine("src", "RagApi")));
        await using var app = new LoopbackApi(storePath, embedder);
        app.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(address) };

        var answers = app.Services.GetRequiredService<AnswerService>();
        var retriever = app.Services.GetRequiredService<Retriever>();
        var answerFloor = await InProcessAsync(q => answers.AnswerAsync(new AnswerQuery(q, [], SearchFilters.None, null), cancellationToken));
        var searchFloor = await InProcessAsync(q => retriever.RetrieveAsync(q, SearchFilters.None, 8, cancellationToken));

        var lines = new List<string> { $"  in-process, one at a time: answer {answerFloor:F1} ms, search {searchFloor:F1} ms (median); {Environment.ProcessorCount} cores" };
        foreach (var (endpoint, path, floor) in new[] { ("answer", "v1/answers", answerFloor), ("search", "v1/search", searchFloor) })
            foreach (var clients in ClientCounts)
            {
                var result = await LoadAsync(http, endpoint, path, clients, cancellationToken);
                lines.Add(result.ToString(floor, Environment.ProcessorCount * 1000 / floor));
            }
        return lines;
    }

    private async Task<double> InProcessAsync(Func<string, Task> call)
    {
        for (var i = 0; i < 4; i++) await call(questions[i % questions.Count]);
        var times = new List<double>();
        for (var i = 0; i < 30; i++) times.Add(await Measure.MillisecondsAsync(() => call(questions[i % questions.Count])));
        return Metrics.Percentiles.Of(times, 50);
    }

    private async Task<LoadResult> LoadAsync(HttpClient http, string endpoint, string path, int clients, CancellationToken cancellationToken)
    {
        var requests = Math.Max(48, clients * 4);
        var next = -1;
        var times = new System.Collections.Concurrent.ConcurrentBag<double>();
        var failures = 0;
        var wall = await Measure.MillisecondsAsync(() => Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var question = questions[i % questions.Count];
                object body = endpoint == "answer" ? new { question } : new { query = question };
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync(path, body, cancellationToken);
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
                if (response.IsSuccessStatusCode) times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                else Interlocked.Increment(ref failures);
            }
        })));
        return LoadResult.Of(endpoint, clients, times.ToList(), failures, wall);
    }

    private sealed class LoopbackApi(string storePath, ITextEmbedder embedder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            builder.UseSetting("Store:Path", storePath);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<ITextEmbedder>();
                services.AddSingleton(embedder);
            });
        }
    }
}
