using System.Text.Json;
using RagApi.Testing;

namespace RagApi.Api.Tests.OpenApi;

public sealed class OpenApiTests(SeedIndex index) : IAsyncDisposable
{
    private readonly RagApiApplication _app = new(index);

    private async Task<IReadOnlyList<string>> PathsAsync()
    {
        using var response = await _app.GetAsync("/openapi/v1.json");
        var document = await ApiJson.ReadOkAsync<JsonElement>(response);
        return document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
    }

    [Theory]
    [InlineData("/v1/answers")]
    [InlineData("/v1/search")]
    [InlineData("/v1/documents/{id}")]
    public async Task The_openapi_document_lists_each_endpoint_of_the_contract(string path)
    {
        Assert.Contains(path, await PathsAsync());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
