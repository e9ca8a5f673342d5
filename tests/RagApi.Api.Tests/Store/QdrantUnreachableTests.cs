using System.Net;
using System.Net.Sockets;
using RagApi.Hosting;
using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Problems;
using RagApi.Testing;

namespace RagApi.Api.Tests.Store;

/// <summary>The API configured for a Qdrant that is not there: a loopback port nothing listens on.</summary>
public sealed class QdrantUnreachableTests(SeedIndex index) : IAsyncDisposable
{
    private readonly RagApiApplication _app = new(index, settings: new Dictionary<string, string?>
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

    [Theory]
    [InlineData("/v1/search", """{"query":"How is LEMS treated?"}""")]
    [InlineData("/v1/answers", """{"question":"How is LEMS treated?"}""")]
    public async Task Asking_answers_503_problem_json_with_retry_after(string path, string body)
    {
        using var response = await _app.PostRawAsync(path, body, "application/json");

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "application/problem+json", ProblemTypes.StoreUnavailable, true),
            (problem.Status, problem.MediaType, problem.Type, response.Headers.RetryAfter?.Delta > TimeSpan.Zero));
    }

    [Fact]
    public async Task A_document_lookup_answers_503_without_a_stack_trace()
    {
        using var response = await _app.GetAsync("/v1/documents/lems-review-titulaer-2011");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, false, false), (response.StatusCode, body.Contains("   at "), body.Contains("RpcException")));
    }

    [Fact]
    public async Task Readiness_reports_the_store_unhealthy()
    {
        using var response = await _app.GetAsync("/health/ready");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"),
            (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Liveness_stays_up()
    {
        using var response = await _app.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
