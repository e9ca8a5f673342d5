using System.Net.Http.Json;
using System.Text.Json;
using RagApi.Eval.Metrics;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Eval.Targets;

/// <summary>A running API: POST /v1/answers and /v1/search, with the key in a header (X-Api-Key unless told otherwise).</summary>
public sealed class HttpTarget : IEvalTarget
{
    private const int SearchDepth = 20;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;

    public HttpTarget(Uri baseAddress, string? apiKey, string apiKeyHeader = "X-Api-Key", HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = baseAddress;
        _http.Timeout = TimeSpan.FromMinutes(2);
        if (!string.IsNullOrEmpty(apiKey)) _http.DefaultRequestHeaders.Add(apiKeyHeader, apiKey);
        Description = $"API at {baseAddress}";
    }

    public string Description { get; }

    public async Task<ClinicalAnswer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken) =>
        await PostAsync<ClinicalAnswer>("v1/answers", new { question, history }, cancellationToken);

    public async Task<IReadOnlyList<string>> SearchDocumentsAsync(string query, CancellationToken cancellationToken)
    {
        var found = await PostAsync<SearchBody>("v1/search", new { query, topK = SearchDepth }, cancellationToken);
        return RankingMetrics.DocumentsInOrder(found.Passages.Select(p => p.DocumentId));
    }

    private async Task<T> PostAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(path, body, Json, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"POST {path} returned {(int)response.StatusCode}: {text}", null, response.StatusCode);
        return JsonSerializer.Deserialize<T>(text, Json) ?? throw new InvalidDataException($"POST {path} returned JSON null.");
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed record SearchBody(IReadOnlyList<SearchPassage> Passages);

    private sealed record SearchPassage(string DocumentId);
}
