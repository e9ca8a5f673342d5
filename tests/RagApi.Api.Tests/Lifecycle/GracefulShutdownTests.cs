using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RagApi.Hosting.Lifecycle;
using RagApi.Testing;

namespace RagApi.Api.Tests.Lifecycle;

/// <summary>On shutdown readiness drops first, and an answer already being composed still finishes.</summary>
public sealed class GracefulShutdownTests(SeedIndex index)
{
    [Fact]
    public async Task An_answer_in_flight_when_shutdown_begins_finishes_after_readiness_has_dropped()
    {
        var store = new ControllableStore(index.StorePath) { HoldSearches = true };
        var app = new RagApiApplication(index, services: store.RegisterIn);
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        // A client of the test's own: the factory disposes the clients it made when it stops.
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()) };
        var readiness = app.Services.GetRequiredService<StoreReadiness>();
        var health = app.Services.GetRequiredService<HealthCheckService>();

        var answering = client.PostAsync("/v1/answers", JsonContent("{\"question\":\"How is Lambert-Eaton myasthenic syndrome treated?\"}"), TestContext.Current.CancellationToken);
        await store.SearchEntered.WaitAsync(TestContext.Current.CancellationToken);
        var stopping = app.DisposeAsync().AsTask();
        while (readiness.Status != ReadinessStatus.Stopping && !stopping.IsCompleted) await Task.Yield();
        var healthWhileStopping = (await health.CheckHealthAsync(TestContext.Current.CancellationToken)).Status;
        store.ReleaseSearches();
        using var response = await answering;
        await stopping;

        Assert.Equal((HealthStatus.Unhealthy, HttpStatusCode.OK), (healthWhileStopping, response.StatusCode));
        AnswerContract.AssertHolds(await ApiJson.ReadAsync<ApiAnswer>(response));
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
