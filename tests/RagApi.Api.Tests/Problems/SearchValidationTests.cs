using System.Net;
using RagApi.Testing;

namespace RagApi.Api.Tests.Problems;

public sealed class SearchValidationTests(SeedIndex index) : IAsyncDisposable
{
    private const string Path = "/v1/search";

    private readonly RagApiApplication _app = new(index);

    public static TheoryData<string, string> BadRequests => new()
    {
        { """{"query": ""}""", "query" },
        { """{"query": "   \t\n  "}""", "query" },
        { $$"""{"query": "{{new string('a', 4000)}}"}""", "query" },
        { """{}""", "query" },
        { """{"query": "cachexia", "filters": {"kinds": ["blog"]}}""", "filters.kinds[0]" },
        { """{"query": "cachexia", "filters": {"sourceIds": ["no-such-document"]}}""", "filters.sourceIds[0]" },
        { """{"query": "cachexia", "filters": {"yearFrom": 99999}}""", "filters.yearFrom" },
        { """{"query": "cachexia", "topK": 0}""", "topK" },
        { """{"query": "cachexia", "topK": 100}""", "topK" },
        { """{"query": 5}""", "query" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task An_invalid_search_request_is_a_validation_problem_naming_the_field(string body, string field)
    {
        using var response = await _app.PostRawAsync(Path, body, "application/json");

        (await Problem.ReadAsync(response)).AssertNamesField(field);
    }

    [Fact]
    public async Task A_truncated_json_body_is_a_validation_problem()
    {
        using var response = await _app.PostRawAsync(Path, """{"query": """, "application/json");

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json", true), (problem.Status, problem.MediaType, problem.Fields.Count > 0));
    }

    [Fact]
    public async Task An_empty_body_is_a_validation_problem_naming_the_body()
    {
        using var response = await _app.PostRawAsync(Path, "", "application/json");

        (await Problem.ReadAsync(response)).AssertNamesField("body");
    }

    [Fact]
    public async Task A_plain_text_body_is_refused_as_problem_json()
    {
        using var response = await _app.PostRawAsync(Path, "cachexia", "text/plain");

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((true, "application/problem+json"),
            (problem.Status is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType, problem.MediaType));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
