using System.Net;
using RagApi.Testing;

namespace RagApi.Api.Tests.Health;

public sealed class HealthTests(SeedIndex index) : IAsyncDisposable
{
    private readonly RagApiApplication _app = new(index);

    [Fact]
    public async Task The_service_is_live()
    {
        using var response = await _app.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_service_is_ready_once_its_store_is_open()
    {
        using var response = await _app.GetAsync("/health/ready");

        Assert.Equal((HttpStatusCode.OK, "Healthy"),
            (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
