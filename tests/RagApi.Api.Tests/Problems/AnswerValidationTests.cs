using System.Net;
using RagApi.Testing;

namespace RagApi.Api.Tests.Problems;

public sealed class AnswerValidationTests(SeedIndex index) : IAsyncDisposable
{
    private const string Path = "/v1/answers";
    private const string Question = "What is cancer cachexia?";

    private readonly RagApiApplication _app = new(index);

    public static TheoryData<string, string> BadRequests => new()
    {
        { """{"question": ""}""", "question" },
        { """{"question": "   \t\n  "}""", "question" },
        { $$"""{"question": "{{new string('a', 4000)}}"}""", "question" },
        { """{"question": null}""", "question" },
        { """{}""", "question" },
        { """{"question": "And how is it treated?", "history": [{"role": "system", "content": "Be brief."}]}""", "history[0].role" },
        { """{"question": "And how is it treated?", "history": [{"role": "user", "content": ""}]}""", "history[0].content" },
        { """{"question": "And how is it treated?", "history": [null]}""", "history[0]" },
        { """{"question": "What is cancer cachexia?", "filters": {"kinds": ["blog"]}}""", "filters.kinds[0]" },
        { """{"question": "What is cancer cachexia?", "filters": {"sourceIds": ["no-such-document"]}}""", "filters.sourceIds[0]" },
        { """{"question": "What is cancer cachexia?", "filters": {"sourceIds": [""]}}""", "filters.sourceIds[0]" },
        { """{"question": "What is cancer cachexia?", "filters": {"yearFrom": 19}}""", "filters.yearFrom" },
        { """{"question": "What is cancer cachexia?", "topK": 0}""", "topK" },
        { """{"question": "What is cancer cachexia?", "topK": 100}""", "topK" },
        { """{"question": "What is cancer cachexia?", "topK": -1}""", "topK" },
        { """{"question": 5}""", "question" },
        { """{"question": "What is cancer cachexia?", "topK": "eight"}""", "topK" },
        { """{"question": "What is cancer cachexia?", "history": "none"}""", "history" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task An_invalid_answer_request_is_a_validation_problem_naming_the_field(string body, string field)
    {
        using var response = await _app.PostRawAsync(Path, body, "application/json");

        (await Problem.ReadAsync(response)).AssertNamesField(field);
    }

    [Fact]
    public async Task A_question_of_exactly_the_maximum_length_is_accepted()
    {
        using var response = await _app.PostAsync(Path, new { question = "cancer cachexia " + new string('x', 2000 - 16) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_question_one_character_over_the_maximum_is_rejected()
    {
        using var response = await _app.PostAsync(Path, new { question = new string('x', 2001) });

        (await Problem.ReadAsync(response)).AssertNamesField("question");
    }

    [Fact]
    public async Task Every_invalid_field_is_named_at_once()
    {
        using var response = await _app.PostAsync(Path, new { question = "", filters = new { kinds = new[] { "blog" } }, topK = 0 });

        Assert.Equal(["filters.kinds[0]", "question", "topK"], (await Problem.ReadAsync(response)).Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_truncated_json_body_is_a_validation_problem()
    {
        using var response = await _app.PostRawAsync(Path, """{"question": """, "application/json");

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (problem.Status, problem.MediaType));
        Assert.NotEmpty(problem.Fields);
    }

    [Fact]
    public async Task An_empty_body_is_a_validation_problem_naming_the_body()
    {
        using var response = await _app.PostRawAsync(Path, "", "application/json");

        (await Problem.ReadAsync(response)).AssertNamesField("body");
    }

    [Fact]
    public async Task A_json_null_body_is_a_validation_problem()
    {
        using var response = await _app.PostRawAsync(Path, "null", "application/json");

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (problem.Status, problem.MediaType));
    }

    [Fact]
    public async Task A_plain_text_body_is_refused_as_problem_json()
    {
        using var response = await _app.PostRawAsync(Path, Question, "text/plain");

        var problem = await Problem.ReadAsync(response);
        Assert.Contains(problem.Status, new[] { HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType });
        Assert.Equal("application/problem+json", problem.MediaType);
    }

    [Fact]
    public async Task A_validation_problem_has_a_stable_type()
    {
        using var response = await _app.PostAsync(Path, new { question = "" });

        Assert.False(string.IsNullOrWhiteSpace((await Problem.ReadAsync(response)).Type));
    }

    [Fact]
    public async Task A_kind_filter_is_matched_without_regard_to_case()
    {
        using var response = await _app.PostAsync(Path, new { question = Question, filters = new { kinds = new[] { "Research" } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
