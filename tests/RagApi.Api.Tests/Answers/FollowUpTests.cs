using RagApi.Testing;

namespace RagApi.Api.Tests.Answers;

public sealed class FollowUpTests(SeedIndex index) : IAsyncDisposable
{
    private readonly RagApiApplication _app = new(index);

    private static object TreatmentFollowUp => new
    {
        question = "And how is it treated?",
        history = new[]
        {
            new { role = "user", content = "What antibodies cause Lambert-Eaton myasthenic syndrome?" },
            new { role = "assistant", content = "Antibodies against P/Q-type voltage-gated calcium channels cause it [1]." },
        },
    };

    [Fact]
    public async Task A_follow_up_is_made_standalone_with_the_topic_of_the_conversation()
    {
        var answer = await _app.AnswerAsync(TreatmentFollowUp);

        Assert.Contains("Lambert-Eaton", answer.StandaloneQuestion, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_follow_up_keeps_the_question_as_asked()
    {
        var answer = await _app.AnswerAsync(TreatmentFollowUp);

        Assert.Equal("And how is it treated?", answer.Question);
    }

    [Fact]
    public async Task A_follow_up_about_treatment_cites_passages_about_treatment()
    {
        var answer = await _app.AnswerAsync(TreatmentFollowUp);

        Assert.Contains(answer.Citations, c => new[] { "3,4-diaminopyridine", "amifampridine", "immunotherapy", "3,4-DAP" }
            .Any(term => c.Passage.Contains(term, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task A_follow_up_answer_keeps_every_rule_of_the_answer_contract()
    {
        var answer = await _app.AnswerAsync(TreatmentFollowUp);

        AnswerContract.AssertHolds(answer);
    }

    [Fact]
    public async Task A_follow_up_about_a_score_value_is_answered_with_what_that_value_means()
    {
        var answer = await _app.AnswerAsync(new
        {
            question = "And what does a score of 0 or 1 mean?",
            history = new[]
            {
                new { role = "user", content = "What is the DELTA-P score?" },
                new { role = "assistant", content = "A six-item clinical score predicting small-cell lung cancer in LEMS." },
            },
        });

        Assert.Contains("0% to 2.6%", answer.Lead?.Text ?? "", StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
