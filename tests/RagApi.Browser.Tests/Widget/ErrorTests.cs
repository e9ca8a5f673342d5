using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using RagApi.Browser.Tests.Infrastructure;
using RagApi.Testing;
using static Microsoft.Playwright.Assertions;

namespace RagApi.Browser.Tests.Widget;

/// <summary>Failures read as a sentence with a way to retry, never as JSON or a stack.</summary>
public sealed class ErrorTests(SeedIndex index, Chromium chromium) : IAsyncDisposable
{
    private const string Question = "How is Lambert-Eaton myasthenic syndrome treated?";
    private const string StreamRoute = "**/v1/answers/stream";
    private readonly RagApiApplication _app = new(index);

    // A real 503: the API configured for a Qdrant nothing listens on answers every question with store-unavailable.
    private RagApiApplication StoreDownApp() => new(index, settings: new Dictionary<string, string?>
    {
        ["Store:Provider"] = "Qdrant",
        ["Qdrant:Endpoint"] = $"http://127.0.0.1:{ClosedPort()}",
        ["Qdrant:Resilience:RetryDelay"] = "00:00:00.001",
    });

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task An_unavailable_store_shows_a_human_sentence_and_a_retry_that_asks_again()
    {
        await using var app = StoreDownApp();
        await using var widget = await WidgetPage.OpenAsync(chromium, app.StartOnLoopback());
        var sent = 0;
        widget.Page.Request += (_, request) => { if (request.Url.EndsWith("/v1/answers/stream", StringComparison.Ordinal)) sent++; };

        await widget.AskAsync(Question);
        await Expect(widget.Error).ToContainTextAsync("The evidence store is temporarily unavailable. Please try again in");
        await Screenshots.SaveAsync(widget.Page, "error-503");
        await widget.Error.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await widget.WaitForTurnAsync(1);

        await Expect(widget.Error).ToBeVisibleAsync();
        Assert.Equal((2, false), (sent, (await widget.Error.TextContentAsync())!.Contains('{')));
    }

    [Fact]
    public async Task An_unavailable_embedding_service_is_named_as_such_with_the_wait()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback());
        // The 503 the API gives when the question cannot be embedded (EmbeddingEndpointFailureTests shows it for real).
        await widget.Page.RouteAsync(StreamRoute, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 503,
            Headers = new Dictionary<string, string> { ["Retry-After"] = "4" },
            ContentType = "application/problem+json",
            Body = """{"type":"urn:ragapi:problem:embeddings-unavailable","title":"The service cannot answer now.","status":503}""",
        }), new PageRouteOptions { Times = 1 });

        await widget.AskAsync(Question);

        await Expect(widget.Error).ToContainTextAsync("The service that matches questions to the evidence is temporarily unavailable. Please try again in 4 seconds.");
    }

    [Fact]
    public async Task Too_many_requests_shows_how_long_to_wait_and_the_retry_then_answers()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback());
        await widget.Page.RouteAsync(StreamRoute, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 429,
            Headers = new Dictionary<string, string> { ["Retry-After"] = "7" },
            ContentType = "application/problem+json",
            Body = """{"type":"urn:ragapi:problem:rate-limited","title":"Too many requests.","status":429}""",
        }), new PageRouteOptions { Times = 1 });

        await widget.AskAsync(Question);
        await Expect(widget.Error).ToHaveTextAsync("Too many questions have been asked in a short time. Please try again in 7 seconds.Try again");
        await Screenshots.SaveAsync(widget.Page, "error-429");
        await widget.Error.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await widget.WaitForTurnAsync(1);

        await Expect(widget.Section("From the Guidelines")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_network_failure_says_the_service_could_not_be_reached()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback());
        await widget.Page.RouteAsync(StreamRoute, route => route.AbortAsync("connectionrefused"));

        await widget.AskAsync(Question);

        await Expect(widget.Error).ToContainTextAsync("RagApi could not be reached. Check the network connection and try again.");
    }

    [Fact]
    public async Task A_stream_cut_before_the_answer_is_complete_is_reported_as_interrupted()
    {
        await using var widget = await WidgetPage.OpenAsync(chromium, _app.StartOnLoopback());
        await widget.Page.RouteAsync(StreamRoute, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/event-stream",
            Body = "event: delta\ndata: {\"text\":\"## From the Guidelines\\n\"}\n\n",
        }));

        await widget.AskAsync(Question);

        await Expect(widget.Error).ToContainTextAsync("The answer was interrupted before it was complete.");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
