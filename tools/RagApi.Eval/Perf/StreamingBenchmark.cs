using System.Diagnostics;
using System.Globalization;
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
using RagApi.Knowledge.Embeddings;

namespace RagApi.Eval.Perf;

/// <summary>
/// Verified streaming: time from the request to the first verified statement event, and to the whole answer (the
/// done event), through the real API on loopback and a stand-in model streaming at a realistic token rate.
/// </summary>
internal sealed class StreamingBenchmark(string storePath, ITextEmbedder embedder, IReadOnlyList<string> questions)
{
    /// <summary>A hosted model under load writes ~40 tokens/s; a 7B model on a CPU 10-20.</summary>
    public const double TokensPerSecond = 40;

    private const int StatementsPerAnswer = 5;
    private const int Runs = 6;

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_RAGAPI", RepositoryPaths.Find(Path.Combine("src", "RagApi")));
        await using var model = await StreamingModelServer.StartAsync(TokensPerSecond, StatementsPerAnswer, cancellationToken);
        await using var app = new LoopbackApi(storePath, embedder, model.Endpoint);
        app.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };

        var first = new List<double>();
        var done = new List<double>();
        var statements = new List<double>();
        for (var i = 0; i < Runs + 1; i++)
        {
            var (toFirst, toDone, count) = await StreamOnceAsync(http, questions[i % questions.Count], cancellationToken);
            if (i == 0 || toFirst is null) continue; // the first run warms the JIT and the connection
            first.Add(toFirst.Value);
            done.Add(toDone);
            statements.Add(count);
        }
        var firstMedian = Metrics.Percentiles.Of(first, 50);
        var doneMedian = Metrics.Percentiles.Of(done, 50);
        return
        [
            string.Create(CultureInfo.InvariantCulture, $"  stand-in model at {TokensPerSecond} tokens/s, {StatementsPerAnswer} statements per reply, {first.Count} answers (median)"),
            new Figure("time to first verified statement", firstMedian, "ms", "time to the whole answer (done)", doneMedian).ToString(),
            string.Create(CultureInfo.InvariantCulture, $"  statements streamed per answer (median) {Metrics.Percentiles.Of(statements, 50):F0}"),
        ];
    }

    private static async Task<(double? First, double Done, int Statements)> StreamOnceAsync(HttpClient http, string question, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/answers/stream") { Content = JsonContent.Create(new { question }) };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        double? first = null;
        var count = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line == "event: statement")
            {
                count++;
                first ??= Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
            if (line == "event: done") break;
        }
        return (first, Stopwatch.GetElapsedTime(started).TotalMilliseconds, count);
    }

    private sealed class LoopbackApi(string storePath, ITextEmbedder embedder, string modelEndpoint) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            builder.UseSetting("Store:Path", storePath);
            builder.UseSetting("Generation:Provider", "OpenAI");
            builder.UseSetting("OpenAI:Endpoint", modelEndpoint);
            builder.UseSetting("OpenAI:ChatModel", "bench-model");
            builder.UseSetting("Requests:TimeoutSeconds", "120");
            builder.UseSetting("Generation:AnswerBudgetSeconds", "100");
            builder.UseSetting("Generation:AttemptTimeoutSeconds", "100");
            builder.UseSetting("Generation:TotalTimeoutSeconds", "100");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<ITextEmbedder>();
                services.AddSingleton(embedder);
            });
        }
    }
}
