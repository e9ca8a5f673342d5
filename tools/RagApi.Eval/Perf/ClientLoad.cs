using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace RagApi.Eval.Perf;

/// <summary>
/// N clients, each with its own API key, sending requests back to back until `requests` have been sent; question
/// i goes to request i, so a list at least as long as the requests is never repeated.
/// </summary>
internal sealed class ClientLoad(HttpClient http, Uri server, IReadOnlyList<string> keys)
{
    public async Task<LoadOutcome> RunAsync(string endpoint, string questionsName, IReadOnlyList<string> questions, int offset, int clients, int requests, CancellationToken cancellationToken)
    {
        var path = endpoint == "answer" ? "/v1/answers" : "/v1/search";
        var latencies = new ConcurrentBag<double>();
        var failures = new ConcurrentDictionary<string, int>();
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var question = questions[(offset + i) % questions.Count];
                var body = JsonSerializer.Serialize(endpoint == "answer" ? (object)new { question } : new { query = question });
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Api-Key", keys[client % keys.Count]);
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request, cancellationToken);
                    var text = await response.Content.ReadAsStringAsync(cancellationToken);
                    if (response.StatusCode != HttpStatusCode.OK) failures.AddOrUpdate($"HTTP {(int)response.StatusCode}", 1, (_, n) => n + 1);
                    else if (endpoint == "answer" && !text.Contains("\"disclaimer\"", StringComparison.Ordinal)) failures.AddOrUpdate("answer without disclaimer", 1, (_, n) => n + 1);
                    else latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    failures.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                }
            }
        }, cancellationToken)));
        return new LoadOutcome(endpoint, questionsName, clients, latencies.ToList(), failures, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
