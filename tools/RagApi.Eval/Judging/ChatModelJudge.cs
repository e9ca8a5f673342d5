using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RagApi.Eval.Judging;

/// <summary>
/// The judge prompt (prompts/judge.md) sent to an OpenAI-compatible /chat/completions endpoint or an Azure
/// OpenAI deployment, at temperature 0; the reply's first word decides (SUPPORTED / NOT SUPPORTED).
/// </summary>
public sealed class ChatModelJudge : ICitationJudge, IDisposable
{
    private readonly HttpClient _http;
    private readonly JudgeSettings _settings;
    private readonly string _prompt;

    public ChatModelJudge(JudgeSettings settings, string prompt, HttpMessageHandler? handler = null)
    {
        if (!prompt.Contains("{{statement}}", StringComparison.Ordinal) || !prompt.Contains("{{passages}}", StringComparison.Ordinal))
            throw new ArgumentException("The judge prompt must hold {{statement}} and {{passages}}.", nameof(prompt));
        _settings = settings;
        _prompt = prompt;
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.Timeout = TimeSpan.FromSeconds(60);
        if (settings.ApiKey is { Length: > 0 } key)
        {
            if (settings.Provider == "AzureOpenAI") _http.DefaultRequestHeaders.Add("api-key", key);
            else _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }
    }

    public string Description => $"{_settings.Provider} model {_settings.Model} at {_settings.Endpoint}";

    public static string LoadPrompt(string promptsFolder) => File.ReadAllText(Path.Combine(promptsFolder, "judge.md"));

    public async Task<bool> SupportsAsync(string statement, IReadOnlyList<string> passages, CancellationToken cancellationToken)
    {
        var numbered = string.Join("\n\n", passages.Select((p, i) => $"[{i + 1}] {p}"));
        // One pass over the template, so a placeholder inside a passage stays text.
        var message = _prompt.Replace("{{passages}}", "\u0000P\u0000", StringComparison.Ordinal).Replace("{{statement}}", statement, StringComparison.Ordinal)
            .Replace("\u0000P\u0000", numbered, StringComparison.Ordinal);
        var body = new JsonObject
        {
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = message }),
            ["temperature"] = 0,
            ["max_tokens"] = 5,
        };
        if (_settings.Provider != "AzureOpenAI") body["model"] = _settings.Model;
        using var response = await _http.PostAsJsonAsync(CompletionsUri(), body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"The judge model returned {(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}", null, response.StatusCode);
        var reply = JsonNode.Parse(text)?["choices"]?[0]?["message"]?["content"]?.GetValue<string>()
            ?? throw new JsonException("The judge model's reply has no choices[0].message.content.");
        var verdict = reply.Trim().ToUpperInvariant();
        if (verdict.StartsWith("NOT SUPPORTED", StringComparison.Ordinal)) return false;
        if (verdict.StartsWith("SUPPORTED", StringComparison.Ordinal)) return true;
        throw new JsonException($"The judge model replied '{reply.Trim()}', neither SUPPORTED nor NOT SUPPORTED.");
    }

    private Uri CompletionsUri()
    {
        var root = _settings.Endpoint.AbsoluteUri.TrimEnd('/');
        return _settings.Provider == "AzureOpenAI"
            ? new Uri($"{root}/openai/deployments/{Uri.EscapeDataString(_settings.Model)}/chat/completions?api-version={_settings.ApiVersion}")
            : new Uri($"{root}/chat/completions");
    }

    public void Dispose() => _http.Dispose();
}
