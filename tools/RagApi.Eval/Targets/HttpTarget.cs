using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RagApi.Eval.Metrics;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Condensing;

namespace RagApi.Eval.Targets;

/// <summary>
/// A running API: POST /v1/answers and /v1/search, with the key in a header (X-Api-Key unless told otherwise).
/// Busy answers (429, 503) are retried after their Retry-After within the RetryBudget; every other failure,
/// and a busy answer past the budget, is a TargetRequestException carrying the status.
/// </summary>
public sealed class HttpTarget : IEvalTarget
{
    private const int SearchDepth = 20;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;
    private readonly RetryBudget _budget;
    private readonly TimeProvider _time;

    public HttpTarget(Uri baseAddress, string? apiKey, string apiKeyHeader = "X-Api-Key", HttpMessageHandler? handler = null,
        RetryBudget? budget = null, TimeProvider? time = null, TimeSpan? requestTimeout = null)
    {
        _http = handler is null ? new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) : new HttpClient(handler);
        // Relative paths resolve below the base only when it ends with a slash (http://host/ragapi/ + v1/answers).
        _http.BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _http.Timeout = requestTimeout ?? TimeSpan.FromMinutes(2);
        if (!string.IsNullOrEmpty(apiKey)) _http.DefaultRequestHeaders.TryAddWithoutValidation(apiKeyHeader, apiKey);
        _budget = budget ?? RetryBudget.Default;
        _time = time ?? TimeProvider.System;
        Description = $"API at {_http.BaseAddress}";
    }

    public string Description { get; }

    public async Task<ClinicalAnswer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken) =>
        await PostAsync<ClinicalAnswer>("v1/answers", new { question, history }, cancellationToken);

    public async Task<IReadOnlyList<string>> SearchDocumentsAsync(string query, CancellationToken cancellationToken) =>
        RankingMetrics.DocumentsInOrder((await SearchPassagesAsync(query, SearchDepth, cancellationToken)).Select(p => p.DocumentId));

    /// <summary>POST /v1/search (hybrid): the passages best first, each with the scores the service gives it.</summary>
    public async Task<IReadOnlyList<SearchedPassage>> SearchPassagesAsync(string query, int topK, CancellationToken cancellationToken)
    {
        var found = await PostAsync<SearchBody>("v1/search", new { query, topK }, cancellationToken);
        if (found.Passages is null || found.Passages.Any(p => string.IsNullOrEmpty(p?.DocumentId) || p.Scores is null))
            throw new TargetRequestException("POST v1/search returned passages without documentId or scores.", 200);
        return found.Passages;
    }

    /// <summary>POSTs a JSON body and reads the JSON answer, waiting out 429 and 503 within the budget.</summary>
    public async Task<T> PostAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await _http.PostAsJsonAsync(path, body, Json, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new TargetRequestException($"POST {path}: no response ({e.Message})", null, e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TargetRequestException($"POST {path}: no response within {_http.Timeout.TotalSeconds:F0} s", null, e);
            }
            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    try
                    {
                        return JsonSerializer.Deserialize<T>(text, Json) ?? throw new JsonException("the body is JSON null");
                    }
                    catch (JsonException e)
                    {
                        throw new TargetRequestException($"POST {path} returned {status} with a body that is not the expected JSON: {e.Message}", status, e);
                    }
                }
                if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
                {
                    var delay = RetryAfter(response) ?? _budget.FallbackDelay;
                    if (waited + delay <= _budget.Total)
                    {
                        waited += delay;
                        await Task.Delay(delay, _time, cancellationToken);
                        continue;
                    }
                    throw new TargetRequestException(
                        $"POST {path} returned {status} after {attempt} attempt(s) and {waited.TotalSeconds:F0} s of waiting (retry budget {_budget.Total.TotalSeconds:F0} s): {Shorten(text)}", status);
                }
                throw new TargetRequestException($"POST {path} returned {status}: {Shorten(text)}", status);
            }
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed record SearchBody(IReadOnlyList<SearchedPassage> Passages);
}
