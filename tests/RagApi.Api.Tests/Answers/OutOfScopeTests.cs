using RagApi.Testing;

namespace RagApi.Api.Tests.Answers;

public sealed class OutOfScopeTests(SeedIndex index) : IAsyncDisposable
{
    private readonly RagApiApplication _app = new(index);

    public static TheoryData<string> OutOfScopeQuestions =>
    [
        "How do I replace the brake pads on my car?",
        "Give me a recipe for chocolate cake",
    ];

    [Theory]
    [MemberData(nameof(OutOfScopeQuestions))]
    public async Task An_out_of_scope_question_reports_insufficient_evidence(string question)
    {
        var answer = await _app.AnswerAsync(new { question });

        Assert.True(answer.InsufficientEvidence);
    }

    [Theory]
    [MemberData(nameof(OutOfScopeQuestions))]
    public async Task An_out_of_scope_question_cites_nothing(string question)
    {
        var answer = await _app.AnswerAsync(new { question });

        Assert.Equal((0, 0), (answer.Citations.Count, answer.Sections.Count));
    }

    [Theory]
    [MemberData(nameof(OutOfScopeQuestions))]
    public async Task An_out_of_scope_answer_still_ends_with_the_disclaimer(string question)
    {
        var answer = await _app.AnswerAsync(new { question });

        Assert.EndsWith(SeedIndex.Disclaimer, answer.Answer.TrimEnd());
    }

    [Theory]
    [MemberData(nameof(OutOfScopeQuestions))]
    public async Task An_out_of_scope_answer_says_plainly_that_the_evidence_is_insufficient(string question)
    {
        var expected = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "prompts", "insufficient-evidence.md")).Trim();

        var answer = await _app.AnswerAsync(new { question });

        Assert.StartsWith(expected, answer.Answer);
    }

    [Theory]
    [MemberData(nameof(OutOfScopeQuestions))]
    public async Task An_out_of_scope_answer_keeps_every_rule_of_the_answer_contract(string question)
    {
        var answer = await _app.AnswerAsync(new { question });

        AnswerContract.AssertHolds(answer);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
