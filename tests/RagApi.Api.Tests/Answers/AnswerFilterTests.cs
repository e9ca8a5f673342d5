using RagApi.Testing;

namespace RagApi.Api.Tests.Answers;

public sealed class AnswerFilterTests(SeedIndex index) : IAsyncDisposable
{
    private const string Question = "How is myasthenia gravis with thymoma managed?";

    private readonly RagApiApplication _app = new(index);

    [Fact]
    public async Task A_research_only_filter_cites_only_research()
    {
        var answer = await _app.AnswerAsync(new { question = Question, filters = new { kinds = new[] { "research" } } });

        AssertEvery(answer, c => Assert.Equal("research", c.Kind));
    }

    [Fact]
    public async Task A_research_only_answer_has_no_guideline_section()
    {
        var answer = await _app.AnswerAsync(new { question = Question, filters = new { kinds = new[] { "research" } } });

        Assert.DoesNotContain(answer.Sections, s => s.Title == AnswerContract.Guidelines);
    }

    [Fact]
    public async Task A_guideline_only_filter_cites_only_guidelines()
    {
        var answer = await _app.AnswerAsync(new { question = Question, filters = new { kinds = new[] { "guideline" } } });

        AssertEvery(answer, c => Assert.Equal("guideline", c.Kind));
    }

    [Fact]
    public async Task A_source_filter_cites_only_that_document()
    {
        const string document = "thymectomy-mgtx-trial-wolfe-2016";

        var answer = await _app.AnswerAsync(new { question = Question, filters = new { sourceIds = new[] { document } } });

        AssertEvery(answer, c => Assert.Equal(document, c.DocumentId));
    }

    [Fact]
    public async Task A_source_filtered_answer_still_finds_evidence_in_that_document()
    {
        var answer = await _app.AnswerAsync(new { question = Question, filters = new { sourceIds = new[] { "thymectomy-mgtx-trial-wolfe-2016" } } });

        Assert.False(answer.InsufficientEvidence);
    }

    [Fact]
    public async Task A_year_filter_cites_only_documents_from_that_year_on()
    {
        var answer = await _app.AnswerAsync(new { question = Question, filters = new { yearFrom = 2019 } });

        AssertEvery(answer, c => Assert.True(c.Year >= 2019, $"Citation {c.Number} is from {c.Year}."));
    }

    [Fact]
    public async Task A_filtered_answer_keeps_every_rule_of_the_answer_contract()
    {
        var answer = await _app.AnswerAsync(new { question = Question, filters = new { kinds = new[] { "research" }, yearFrom = 2015 } });

        AnswerContract.AssertHolds(answer);
    }

    /// <summary>A filter test proves nothing on an empty answer, so the answer must cite something.</summary>
    private static void AssertEvery(ApiAnswer answer, Action<ApiCitation> rule)
    {
        Assert.NotEmpty(answer.Citations);
        Assert.All(answer.Citations, rule);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
