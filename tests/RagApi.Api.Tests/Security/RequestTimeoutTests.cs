using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagApi.Knowledge.Embeddings;
using RagApi.Testing;

namespace RagApi.Api.Tests.Security;

/// <summary>A request the store never answers is cancelled at the configured timeout with a 504 problem.</summary>
public sealed class RequestTimeoutTests(SeedIndex index)
{
    private static readonly Dictionary<string, string?> ShortTimeout = new() { ["Requests:TimeoutSeconds"] = "0.2" };

    [Fact]
    public async Task A_request_over_the_timeout_gets_a_504_problem()
    {
        var store = new ControllableStore(index.StorePath) { HoldSearches = true };
        await using var app = new RagApiApplication(index, services: store.RegisterIn, settings: ShortTimeout);

        await AssertTimeoutProblemAsync(app);
    }

    [Fact]
    public async Task A_request_whose_model_call_the_timeout_stops_with_an_error_of_its_own_still_gets_a_504_problem()
    {
        // Under load the timeout lands inside the query's inference, and ONNX Runtime reports it as its own error.
        await using var app = new RagApiApplication(index, settings: ShortTimeout,
            services: s => s.RemoveAll<ITextEmbedder>().AddSingleton<ITextEmbedder>(new FailingWhenCancelledEmbedder(index.Embedder)));

        await AssertTimeoutProblemAsync(app);
    }

    private static async Task AssertTimeoutProblemAsync(RagApiApplication app)
    {
        using var response = await app.PostAsync("/v1/search", new { query = "amifampridine" });

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.GatewayTimeout, "application/problem+json", "urn:ragapi:problem:timeout"), (problem.Status, problem.MediaType, problem.Type));
    }

    /// <summary>Waits until the request's token is cancelled, then fails as ONNX Runtime does when its run is terminated.</summary>
    private sealed class FailingWhenCancelledEmbedder(ITextEmbedder inner) : ITextEmbedder
    {
        public string ModelId => inner.ModelId;

        public int Dimensions => inner.Dimensions;

        public int CountTokens(string text) => inner.CountTokens(text);

        public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        {
            await Task.WhenAny(Task.Delay(Timeout.Infinite, cancellationToken));
            throw new InvalidOperationException("[ErrorCode:Fail] Exiting due to terminate flag being set to true.");
        }
    }
}
