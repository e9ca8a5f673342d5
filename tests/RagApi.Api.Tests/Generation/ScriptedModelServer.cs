using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RagApi.Api.Tests.Generation;

/// <summary>How the stand-in behaves beyond the script: which model it serves and how fast it writes.</summary>
internal sealed record ModelServerBehaviour
{
    /// <summary>
    /// Serve a reasoning model (o-series, gpt-5): as the OpenAI and Azure OpenAI APIs document for these models,
    /// <c>max_tokens</c> is refused with 400 unsupported_parameter and any temperature but 1 with 400
    /// unsupported_value, whatever the deployment is called.
    /// </summary>
    public bool ReasoningModel { get; init; }

    /// <summary>Tokens per second of a streamed reply; 40 is a hosted model under load, a 7B model on a CPU writes 10-20.</summary>
    public double TokensPerSecond { get; init; } = 2000;
}

/// <summary>
/// An OpenAI-compatible server on a loopback port that answers with the replies a test scripted, in order, on both
/// the OpenAI route (/v1/chat/completions) and the Azure route (/openai/deployments/{name}/chat/completions), and
/// records every request. An unscripted call gets a 500, so an unexpected call shows up as a fallback. It checks
/// requests as the real servers do before any script runs: the Azure route needs api-version and a credential
/// (api-key or a bearer token), and a reasoning model refuses its unsupported parameters. With "stream": true the
/// reply is sent as chat.completion.chunk events ("data: {...}" lines, then "data: [DONE]") at the configured rate.
/// </summary>
internal sealed partial class ScriptedModelServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<RecordedRequest, ScriptedReply>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly WebApplication _app;
    private readonly ModelServerBehaviour _behaviour;

    private ScriptedModelServer(WebApplication app, ModelServerBehaviour behaviour) => (_app, _behaviour) = (app, behaviour);

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

    public static async Task<ScriptedModelServer> StartAsync(ModelServerBehaviour? behaviour = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedModelServer(app, behaviour ?? new ModelServerBehaviour());
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
        var reply = Refusal(context.Request, request)
            ?? (_script.TryDequeue(out var next) ? next(request) : ScriptedReply.Failure(HttpStatusCode.InternalServerError));
        if (reply.Hang is { } hang) await Task.Delay(hang, context.RequestAborted);
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
        if (reply.Status == 200 && reply.Content is not null && request.Streams)
        {
            await StreamAsync(context, reply);
            return;
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    /// <summary>The 400/401/404 a real server sends before it looks at the conversation.</summary>
    private ScriptedReply? Refusal(HttpRequest http, RecordedRequest request)
    {
        if (http.Path.StartsWithSegments("/openai"))
        {
            // Azure OpenAI REST reference: api-version is a required query parameter; without it the service answers 404.
            if (!http.Query.ContainsKey("api-version"))
                return new(404, """{"error":{"code":"404","message":"Resource not found"}}""");
            // Azure OpenAI REST reference, authentication: an api-key header or a Microsoft Entra ID bearer token.
            if (!request.Headers.ContainsKey("api-key") && !request.Headers.GetValueOrDefault("authorization", "").StartsWith("Bearer ", StringComparison.Ordinal))
                return new(401, """{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint."}}""");
        }
        if (!_behaviour.ReasoningModel) return null;
        var json = JsonNode.Parse(request.Body)!.AsObject();
        // The documented refusals of reasoning models (OpenAI reasoning guide; Azure OpenAI reasoning models,
        // "not supported" parameters), with the error bodies those services return.
        if (json.ContainsKey("max_tokens"))
            return new(400, """{"error":{"message":"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.","type":"invalid_request_error","param":"max_tokens","code":"unsupported_parameter"}}""");
        if (json["temperature"] is { } temperature && temperature.GetValue<double>() != 1)
            return new(400, """{"error":{"message":"Unsupported value: 'temperature' does not support """ + temperature.ToJsonString()
                + """ with this model. Only the default (1) value is supported.","type":"invalid_request_error","param":"temperature","code":"unsupported_value"}}""");
        return null;
    }

    [GeneratedRegex(@"\s*\S+")]
    private static partial Regex Token();

    /// <summary>
    /// A streamed chat completion as the OpenAI API reference describes it: server-sent "data:" lines, each a
    /// chat.completion.chunk whose choices[0].delta holds the role, then content (or reasoning_content) pieces;
    /// the last chunk carries finish_reason, an optional usage chunk follows, and "data: [DONE]" ends the stream.
    /// </summary>
    private async Task StreamAsync(HttpContext context, ScriptedReply reply)
    {
        context.Response.ContentType = "text/event-stream";
        var delay = TimeSpan.FromSeconds(1 / _behaviour.TokensPerSecond);
        await Chunk(context, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null);
        foreach (Match token in Token().Matches(reply.ReasoningContent ?? ""))
        {
            await Task.Delay(delay, context.RequestAborted);
            await Chunk(context, new JsonObject { ["reasoning_content"] = token.Value }, null);
        }
        foreach (Match token in Token().Matches(reply.Content!))
        {
            await Task.Delay(delay, context.RequestAborted);
            await Chunk(context, new JsonObject { ["content"] = token.Value }, null);
        }
        await Chunk(context, new JsonObject(), reply.FinishReason);
        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    private static async Task Chunk(HttpContext context, JsonObject delta, string? finishReason)
    {
        var chunk = new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1_700_000_000,
            ["model"] = "scripted",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
        };
        await context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
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
