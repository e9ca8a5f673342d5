using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using RagApi.Testing;

namespace RagApi.Api.Tests.OpenApi;

/// <summary>The OpenAPI examples are what the API really does, and the reference page needs nothing from outside.</summary>
public sealed partial class ApiReferenceTests(SeedIndex index) : IAsyncDisposable
{
    private readonly RagApiApplication _app = new(index);

    [GeneratedRegex("""(?:src|href)="([^"]+)"|from '([^']+)'""")]
    private static partial Regex Reference();

    private async Task<JsonElement> AnswerOperationAsync()
    {
        using var response = await _app.GetAsync("/openapi/v1.json");
        return (await ApiJson.ReadOkAsync<JsonElement>(response)).GetProperty("paths").GetProperty("/v1/answers").GetProperty("post");
    }

    [Fact]
    public async Task The_request_example_is_answered_as_the_response_example_shows()
    {
        var operation = await AnswerOperationAsync();
        var requestExample = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        var responseExample = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example");

        var answer = await _app.AnswerAsync(requestExample);
        var example = responseExample.Deserialize<ApiAnswer>(ApiJson.Options)!;

        AnswerContract.AssertHolds(example);
        Assert.Equal(example.Citations.Select(c => c.ChunkId), answer.Citations.Select(c => c.ChunkId));
    }

    [Theory]
    [InlineData("401")]
    [InlineData("429")]
    [InlineData("503")]
    public async Task The_answer_operation_documents_the_problem_responses(string status)
    {
        var operation = await AnswerOperationAsync();

        Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _));
    }

    [Fact]
    public async Task The_reference_page_loads_only_what_the_service_itself_serves()
    {
        using var page = await _app.CreateClient().GetAsync("/docs/", TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var references = Reference().Matches(html).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToList();

        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            Assert.DoesNotContain("//", reference);
            using var asset = await _app.CreateClient().GetAsync(new Uri(new Uri("http://localhost/docs/"), reference), TestContext.Current.CancellationToken);
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{reference} is {(int)asset.StatusCode}");
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
