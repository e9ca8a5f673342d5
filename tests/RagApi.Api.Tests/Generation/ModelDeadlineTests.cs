using System.Net;
using RagApi.Testing;

namespace RagApi.Api.Tests.Generation;

/// <summary>
/// Deadlines compose: a slow model on a follow-up (a slow rewrite, then a slow compose) must still leave time for
/// the extractive fallback inside the request's time limit. Before the answer budget, each call had its own 20 s
/// and the request hit its 30 s limit (504).
/// </summary>
public sealed class ModelDeadlineTests(SeedIndex index)
{
    private static readonly object FollowUp = new
    {
        question = "And how is it treated?",
        history = new[]
        {
            new { role = "user", content = "What antibodies cause Lambert-Eaton myasthenic syndrome?" },
            new { role = "assistant", content = "Antibodies against P/Q-type voltage-gated calcium channels [1]." },
        },
    };

    [Fact]
    public async Task A_slow_rewrite_and_a_slow_compose_still_answer_extractively_within_the_request_limit()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Then(ScriptedReply.Chat("How is Lambert-Eaton myasthenic syndrome treated?") with { Hang = TimeSpan.FromMinutes(5) });
        model.Then(ScriptedReply.Chat("never delivered") with { Hang = TimeSpan.FromMinutes(5) });
        // The real limits scaled down five times: 6 s per request, 5 s for the model calls, 4 s per model call.
        await using var app = new RagApiApplication(index, settings: ModelSettingsFor.OpenAI(model)
            .With("Requests:TimeoutSeconds", "6")
            .With("Generation:AnswerBudgetSeconds", "5")
            .With("Generation:AttemptTimeoutSeconds", "4")
            .With("Generation:TotalTimeoutSeconds", "4")
            .With("Generation:MaxRetries", "0"));

        using var response = await app.PostAsync("/v1/answers", FollowUp);
        var answer = await ApiJson.ReadOkAsync<ApiAnswer>(response);

        Assert.Equal(("extractive-fallback", 2), (answer.Generator, model.Requests.Count));
    }
}
