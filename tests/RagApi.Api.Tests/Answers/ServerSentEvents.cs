using System.Net.Http.Json;
using System.Text.Json;
using RagApi.Testing;

namespace RagApi.Api.Tests.Answers;

internal sealed record ServerSentEvent(string Event, string Data)
{
    public T Read<T>() => JsonSerializer.Deserialize<T>(Data, ApiJson.Options)!;
}

/// <summary>Reads server-sent events from a real socket, as a browser's EventSource parser would.</summary>
internal static class ServerSentEvents
{
    public static async Task<(HttpResponseMessage Response, IReadOnlyList<ServerSentEvent> Events)> PostAsync(Uri baseAddress, object request)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        using var message = new HttpRequestMessage(HttpMethod.Post, "/v1/answers/stream") { Content = JsonContent.Create(request, options: ApiJson.Options) };
        var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var events = new List<ServerSentEvent>();
        if (!response.IsSuccessStatusCode) return (response, events);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        string? name = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0) events.Add(new ServerSentEvent(name ?? "message", string.Join('\n', data)));
                (name, data) = (null, []);
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal)) name = line[6..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal)) data.Add(line[5..].TrimStart());
        }
        return (response, events);
    }
}
