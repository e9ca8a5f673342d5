using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;

namespace RagApi.LoadTest;

/// <summary>Clients that each send one answer request after another, with their own key, until time or requests run out.</summary>
public sealed class AnswerLoad(HttpClient http, Uri server, IReadOnlyList<string> keys, IReadOnlyList<string> questions)
{
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private int _sent;

    public async Task<LoadResult> RunAsync(TimeSpan duration, int maxRequests, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(keys.Select((key, client) => Task.Run(() => ClientAsync(client, key, deadline, maxRequests, cancellationToken), cancellationToken)));
        return new LoadResult(_latencies.Order().ToArray(), _errors.Values.Sum(), _errors, Stopwatch.GetElapsedTime(started));
    }

    private async Task ClientAsync(int client, string key, long deadline, int maxRequests, CancellationToken cancellationToken)
    {
        for (var i = client; Stopwatch.GetTimestamp() < deadline && Interlocked.Increment(ref _sent) <= maxRequests; i += keys.Count)
        {
            var body = System.Text.Json.JsonSerializer.Serialize(new { question = questions[i % questions.Count], topK = 8 });
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "/v1/answers")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Api-Key", key);
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode != HttpStatusCode.OK || !text.Contains("\"disclaimer\"", StringComparison.Ordinal))
                    _errors.AddOrUpdate($"HTTP {(int)response.StatusCode}", 1, (_, n) => n + 1);
                else
                    _latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                _errors.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
            }
        }
    }
}

public sealed record LoadResult(double[] SortedLatencies, int Errors, IReadOnlyDictionary<string, int> ErrorKinds, TimeSpan Elapsed)
{
    public int Count => SortedLatencies.Length + Errors;

    public double Percentile(double p) =>
        SortedLatencies.Length == 0 ? 0 : SortedLatencies[Math.Min(SortedLatencies.Length - 1, (int)Math.Ceiling(p / 100 * SortedLatencies.Length) - 1)];
}
