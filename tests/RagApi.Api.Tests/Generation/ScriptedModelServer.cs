using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RagApi.Api.Tests.Generation;

/// <summary>One scripted reply of the fake model server: a status, a body, headers, and an optional hang.</summary>
internal sealed record ScriptedReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan? Hang = null)
{
    public static ScriptedReply Chat(string content) => new(200, JsonSerializer.Serialize(new
    {
        id = "chatcmpl-test",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = "scripted",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
    }));

    public static ScriptedReply Failure(HttpStatusCode status, IReadOnlyDictionary<string, string>? headers = null) =>
        new((int)status, """{"error":{"message":"scripted failure","type":"server_error"}}""", headers);
}

internal sealed record RecordedRequest(string Path, string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The text of the last user message of a chat request.</summary>
    public string Prompt => JsonDocument.Parse(Body).RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString()!;

    /// <summary>The number the prompt gave the first passage containing <paramref name="phrase"/>.</summary>
    public int PassageNumberContaining(string phrase)
    {
        var passages = Prompt.Split("\n[").Skip(1);
        foreach (var passage in passages)
            if (passage.Contains(phrase, StringComparison.OrdinalIgnoreCase))
                return int.Parse(passage[..passage.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture);
        throw new InvalidOperationException($"No passage in the prompt contains '{phrase}'.");
    }

    /// <summary>The number of the first passage containing none of <paramref name="phrases"/>.</summary>
    public int PassageNumberNotContaining(params string[] phrases)
    {
        foreach (var passage in Prompt.Split("\n[").Skip(1))
            if (!phrases.Any(p => passage.Contains(p, StringComparison.OrdinalIgnoreCase)))
                return int.Parse(passage[..passage.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture);
        throw new InvalidOperationException("Every passage in the prompt contains one of the phrases.");
    }
}

/// <summary>
/// An OpenAI-compatible server on a loopback port that answers with the replies a test scripted, in order, on both
/// the OpenAI route (/v1/chat/completions) and the Azure route (/openai/deployments/{name}/chat/completions), and
/// records every request. An unscripted call gets a 500, so an unexpected call shows up as a fallback.
/// </summary>
internal sealed class ScriptedModelServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<RecordedRequest, ScriptedReply>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly WebApplication _app;

    private ScriptedModelServer(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();

    public string OpenAIEndpoint => $"{BaseUrl}/v1";

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public ScriptedModelServer Then(params ScriptedReply[] replies)
    {
        foreach (var reply in replies) _script.Enqueue(_ => reply);
        return this;
    }

    /// <summary>A reply made from the request, e.g. citing the number the prompt gave a passage.</summary>
    public ScriptedModelServer Then(Func<RecordedRequest, ScriptedReply> reply)
    {
        _script.Enqueue(reply);
        return this;
    }

    public static async Task<ScriptedModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedModelServer(app);
        app.MapPost("/v1/chat/completions", server.ReplyAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", server.ReplyAsync);
        app.MapPost("/v1/embeddings", server.EmbedAsync);
        app.MapPost("/openai/deployments/{deployment}/embeddings", server.EmbedAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return server;
    }

    private async Task ReplyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new RecordedRequest(
            context.Request.Path + context.Request.QueryString,
            body,
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()));
        _requests.Enqueue(request);
        var reply = _script.TryDequeue(out var next) ? next(request) : ScriptedReply.Failure(HttpStatusCode.InternalServerError);
        if (reply.Hang is { } hang) await Task.Delay(hang, context.RequestAborted);
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    /// <summary>Embeddings of <see cref="EmbeddingDimensions"/> numbers made from each input's characters, not normalised.</summary>
    private async Task EmbedAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new RecordedRequest(context.Request.Path.ToString(), body, new Dictionary<string, string>()));
        var inputs = JsonDocument.Parse(body).RootElement.GetProperty("input").EnumerateArray().Select(i => i.GetString()!).ToList();
        var data = inputs.Select((text, index) => new
        {
            @object = "embedding",
            index,
            embedding = Enumerable.Range(0, EmbeddingDimensions).Select(d => (float)(1 + (text.Length + d) % 5)).ToArray(),
        });
        await context.Response.WriteAsJsonAsync(new { @object = "list", data, model = "scripted-embedder", usage = new { prompt_tokens = 1, total_tokens = 1 } }, context.RequestAborted);
    }

    public const int EmbeddingDimensions = 8;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
