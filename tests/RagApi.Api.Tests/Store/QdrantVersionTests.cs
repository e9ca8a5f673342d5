using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using RagApi.Testing;

namespace RagApi.Api.Tests.Store;

/// <summary>
/// Qdrant.Client 1.20's searches need Qdrant 1.16 or later (1.12-1.15 answer InvalidArgument "Query variant is
/// missing"). The health check reports the server's version (HealthCheckReply.version); an older server stops the start.
/// </summary>
public sealed class QdrantVersionTests(SeedIndex index)
{
    private static RagApiApplication App(SeedIndex index, FakeQdrant qdrant) => new(index,
        settings: new Dictionary<string, string?>
        {
            ["Store:Provider"] = "Qdrant",
            ["Qdrant:Endpoint"] = "http://qdrant.test:6334",
        },
        services: services =>
        {
            services.RemoveAll<QdrantClient>();
            services.AddSingleton(_ => new QdrantClient(new QdrantGrpcClient(qdrant)));
        });

    [Fact]
    public async Task A_Qdrant_older_than_116_stops_the_start_naming_the_minimum()
    {
        var qdrant = new FakeQdrant();
        qdrant.Answer = (method, _) => method == "Qdrant/HealthCheck"
            ? QdrantAnswers.Health("1.15.5")
            : QdrantAnswers.Healthy(method, index.Embedder.ModelId, index.Embedder.Dimensions);
        await using var app = App(index, qdrant);

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Qdrant 1.16.0 or later", error.ToString());
    }

    [Fact]
    public async Task A_Qdrant_116_starts_and_is_ready()
    {
        var qdrant = new FakeQdrant();
        qdrant.Answer = (method, _) => QdrantAnswers.Healthy(method, index.Embedder.ModelId, index.Embedder.Dimensions);
        await using var app = App(index, qdrant);

        using var response = await app.GetAsync("/health/ready");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
