using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using RagApi.Knowledge.Embeddings;

namespace RagApi.Testing;

/// <summary>
/// The API on the prebuilt seed store (or a store of the test's own) with the shared embedder, so it starts
/// in milliseconds.
/// </summary>
internal sealed class RagApiApplication(
    SeedIndex index,
    string? storePath = null,
    string? seedsPath = null,
    IReadOnlyDictionary<string, string?>? settings = null,
    bool sharedEmbedder = true,
    Action<IServiceCollection>? services = null,
    ReloadableSettings? reloadable = null) : WebApplicationFactory<Program>
{
    public async Task<ApiAnswer> AnswerAsync(object request)
    {
        using var response = await PostAsync("/v1/answers", request);
        return await ApiJson.ReadOkAsync<ApiAnswer>(response);
    }

    public async Task<ApiSearch> SearchAsync(object request)
    {
        using var response = await PostAsync("/v1/search", request);
        return await ApiJson.ReadOkAsync<ApiSearch>(response);
    }

    public Task<HttpResponseMessage> PostAsync(string path, object request) =>
        CreateClient().PostAsJsonAsync(path, request, ApiJson.Options, TestContext.Current.CancellationToken);

    public Task<HttpResponseMessage> PostRawAsync(string path, string body, string contentType) =>
        CreateClient().PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, contentType), TestContext.Current.CancellationToken);

    /// <summary>Serves the app on a real loopback port (for streaming over a socket) and returns its address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!;
        return new Uri(addresses.Addresses.First());
    }

    public Task<HttpResponseMessage> GetAsync(string path) =>
        CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.UseSetting("Store:Path", storePath ?? index.StorePath);
        if (seedsPath is not null) builder.UseSetting("Seeds:Path", seedsPath);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        if (reloadable is not null) builder.ConfigureAppConfiguration((_, configuration) => configuration.Add(reloadable));
        builder.ConfigureTestServices(collection =>
        {
            if (sharedEmbedder)
            {
                collection.RemoveAll<ITextEmbedder>();
                collection.AddSingleton<ITextEmbedder>(index.Embedder);
            }
            services?.Invoke(collection);
        });
    }
}
