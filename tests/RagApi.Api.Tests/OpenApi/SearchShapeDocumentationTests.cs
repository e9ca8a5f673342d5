using System.Text.Json;
using RagApi.Testing;

namespace RagApi.Api.Tests.OpenApi;

/// <summary>A partner reading the document learns that a search can be degraded to BM25 and how it says so.</summary>
public sealed class SearchShapeDocumentationTests(SeedIndex index) : IAsyncDisposable
{
    private readonly RagApiApplication _app = new(index);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_search_schema_describes_the_degraded_flag_and_its_notices()
    {
        using var response = await _app.GetAsync("/openapi/v1.json");
        var document = await ApiJson.ReadOkAsync<JsonElement>(response);
        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty("SearchResponse").GetProperty("properties");

        string Description(string property) =>
            properties.GetProperty(property).TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";

        Assert.Equal((true, true), (Description("degraded").Contains("BM25 alone"), Description("notices").Contains("dense-retrieval-unavailable")));
    }
}
