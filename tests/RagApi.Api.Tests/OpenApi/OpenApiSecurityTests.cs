using System.Text.Json;
using RagApi.Testing;

namespace RagApi.Api.Tests.OpenApi;

/// <summary>The OpenAPI security comes from the endpoints' authorization metadata, so every /v1 operation shows how to send a key.</summary>
public sealed class OpenApiSecurityTests(SeedIndex index) : IAsyncDisposable
{
    private readonly RagApiApplication _app = new(index);

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await _app.GetAsync("/openapi/v1.json");
        return await ApiJson.ReadOkAsync<JsonElement>(response);
    }

    [Theory]
    [InlineData("/v1/answers", "post")]
    [InlineData("/v1/answers/stream", "post")]
    [InlineData("/v1/search", "post")]
    [InlineData("/v1/documents/{id}", "get")]
    public async Task Each_v1_operation_accepts_the_key_in_the_header_or_as_a_bearer_token(string path, string method)
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty(method);

        var schemes = operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
        Assert.Equal(["ApiKey", "Bearer"], schemes);
    }

    [Fact]
    public async Task The_document_describes_the_schemes_the_operations_refer_to()
    {
        var schemes = (await DocumentAsync()).GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal(["ApiKey", "Bearer"], schemes);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
