using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RagApi.Eval.Tests.Judging;

/// <summary>
/// An OpenAI-compatible /v1/chat/completions on a loopback port whose verdict is scripted: SUPPORTED exactly
/// when the statement appears verbatim in the passages of the prompt. Records the requests it got.
/// </summary>
internal sealed class ScriptedJudgeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedJudgeServer(WebApplication app) => _app = app;

    public List<JsonNode> Requests { get; } = [];

    public List<string> Authorizations { get; } = [];

    public Uri Endpoint => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1");

    public static async Task<ScriptedJudgeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ScriptedJudgeServer(app);
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!;
            lock (server.Requests)
            {
                server.Requests.Add(body);
                server.Authorizations.Add(context.Request.Headers.Authorization.ToString());
            }
            var prompt = body["messages"]![0]!["content"]!.GetValue<string>();
            var passages = prompt[(prompt.IndexOf("Passages:", StringComparison.Ordinal) + 9)..prompt.LastIndexOf("Statement:", StringComparison.Ordinal)];
            var statement = prompt[(prompt.LastIndexOf("Statement:", StringComparison.Ordinal) + 10)..].Trim();
            var verdict = passages.Contains(statement, StringComparison.Ordinal) ? "SUPPORTED" : "NOT SUPPORTED";
            return Results.Json(new { choices = new[] { new { message = new { role = "assistant", content = verdict } } } });
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
