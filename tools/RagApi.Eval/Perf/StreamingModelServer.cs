using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RagApi.Eval.Perf;

/// <summary>
/// A stand-in OpenAI-compatible chat server for the streaming benchmark: it answers with one statement per
/// passage it was given (the passage's first sentence, cited by its id, so every statement verifies) and streams
/// the reply as chat.completion.chunk events at a fixed token rate, one whitespace-delimited word per token.
/// </summary>
internal sealed partial class StreamingModelServer(WebApplication app, double tokensPerSecond, int statements) : IAsyncDisposable
{
    public string Endpoint => $"{app.Urls.First()}/v1";

    public static async Task<StreamingModelServer> StartAsync(double tokensPerSecond, int statements, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var web = builder.Build();
        var server = new StreamingModelServer(web, tokensPerSecond, statements);
        web.MapPost("/v1/chat/completions", server.ReplyAsync);
        await web.StartAsync(cancellationToken);
        return server;
    }

    [GeneratedRegex("<document id=\"(\\d+)\"[^>]*>\\n(.*?)\\n</document>", RegexOptions.Singleline)]
    private static partial Regex Document();

    [GeneratedRegex(@"^.*?[.!?](?=\s|$)", RegexOptions.Singleline)]
    private static partial Regex FirstSentence();

    [GeneratedRegex(@"\s*\S+")]
    private static partial Regex Token();

    private async Task ReplyAsync(HttpContext context)
    {
        var request = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var prompt = request!["messages"]!.AsArray().Last()!["content"]!.GetValue<string>();
        var reply = string.Concat(Document().Matches(prompt).Take(statements)
            .Select(m => $"- {FirstSentence().Match(m.Groups[2].Value).Value.TrimEnd('.', '!', '?')} [{m.Groups[1].Value}].\n"));
        context.Response.ContentType = "text/event-stream";
        var delay = TimeSpan.FromSeconds(1 / tokensPerSecond);
        foreach (Match token in Token().Matches(reply))
        {
            await Task.Delay(delay, context.RequestAborted);
            await ChunkAsync(context, new JsonObject { ["content"] = token.Value }, null);
        }
        await ChunkAsync(context, new JsonObject(), "stop");
        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    private static async Task ChunkAsync(HttpContext context, JsonObject delta, string? finishReason)
    {
        var chunk = new JsonObject
        {
            ["id"] = "chatcmpl-bench",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1_700_000_000,
            ["model"] = "bench",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
        };
        await context.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
