using System.Text.Json;
using RagApi.Testing;

namespace RagApi.Api.Tests.OpenApi;

/// <summary>The lead and the statement headings are documented, and the documented example uses both.</summary>
public sealed class AnswerShapeDocumentationTests(SeedIndex index) : IAsyncDisposable
{
    private readonly RagApiApplication _app = new(index);

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await _app.GetAsync("/openapi/v1.json");
        return await ApiJson.ReadOkAsync<JsonElement>(response);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static string DescriptionOf(JsonElement document, string schema, string property) =>
        document.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").GetProperty(property)
            .TryGetProperty("description", out var description) ? description.GetString() ?? "" : "";

    [Fact]
    public async Task The_answer_schema_describes_the_lead()
    {
        Assert.StartsWith("The statement that answers the question directly", DescriptionOf(await DocumentAsync(), "ClinicalAnswer", "lead"));
    }

    [Fact]
    public async Task The_statement_schema_describes_its_heading()
    {
        Assert.Contains("form one group", DescriptionOf(await DocumentAsync(), "AnswerStatement", "heading"));
    }
}
