using System.Net;
using RagApi.Testing;

namespace RagApi.Api.Tests.Generation;

/// <summary>A clinician never sees an error because the model is down: every failure answers extractively.</summary>
public sealed class ModelFailureTests(SeedIndex index) : IAsyncLifetime
{
    private const string Question = "How is Lambert-Eaton myasthenic syndrome treated?";
    private ScriptedModelServer _model = null!;

    public async ValueTask InitializeAsync() => _model = await ScriptedModelServer.StartAsync();

    private RagApiApplication App(Dictionary<string, string?>? extra = null)
    {
        var settings = ModelSettingsFor.OpenAI(_model);
        foreach (var (key, value) in extra ?? []) settings[key] = value;
        return new RagApiApplication(index, settings: settings);
    }

    private static ScriptedReply Supported(RecordedRequest request) => ScriptedReply.Chat(
        $"- 3,4-diaminopyridine improves muscle strength in LEMS [{request.PassageNumberContaining("3,4-diaminopyridine")}].");

    [Fact]
    public async Task A_429_with_retry_after_is_retried_and_then_answered_by_the_model()
    {
        _model.Then(ScriptedReply.Failure(HttpStatusCode.TooManyRequests, new Dictionary<string, string> { ["Retry-After"] = "0" }));
        _model.Then(Supported);
        await using var app = App();

        var answer = await app.AnswerAsync(new { question = Question });

        Assert.Equal(("openai", 2), (answer.Generator, _model.Requests.Count));
    }

    [Fact]
    public async Task Repeated_500s_are_retried_twice_and_then_answered_extractively()
    {
        _model.Then(ScriptedReply.Failure(HttpStatusCode.InternalServerError), ScriptedReply.Failure(HttpStatusCode.BadGateway),
            ScriptedReply.Failure(HttpStatusCode.ServiceUnavailable));
        await using var app = App();

        var answer = await app.AnswerAsync(new { question = Question });

        Assert.Equal(("extractive-fallback", 3), (answer.Generator, _model.Requests.Count));
    }

    [Fact]
    public async Task A_400_is_not_retried()
    {
        _model.Then(ScriptedReply.Failure(HttpStatusCode.BadRequest));
        await using var app = App();

        var answer = await app.AnswerAsync(new { question = Question });

        Assert.Equal(("extractive-fallback", 1), (answer.Generator, _model.Requests.Count));
    }

    [Fact]
    public async Task Malformed_json_from_the_model_is_answered_extractively()
    {
        _model.Then(new ScriptedReply(200, "{\"choices\": [ {\"message\": "));
        await using var app = App();

        var answer = await app.AnswerAsync(new { question = Question });

        Assert.Equal("extractive-fallback", answer.Generator);
    }

    [Fact]
    public async Task A_model_that_hangs_past_the_timeout_is_answered_extractively()
    {
        _model.Then(ScriptedReply.Chat("never delivered") with { Hang = TimeSpan.FromMinutes(5) });
        await using var app = App(new()
        {
            ["Generation:AttemptTimeoutSeconds"] = "1",
            ["Generation:TotalTimeoutSeconds"] = "1",
            ["Generation:MaxRetries"] = "0",
        });

        var answer = await app.AnswerAsync(new { question = Question });

        Assert.Equal("extractive-fallback", answer.Generator);
    }

    [Fact]
    public async Task A_fallback_answer_keeps_every_rule_of_the_answer_contract()
    {
        _model.Then(ScriptedReply.Failure(HttpStatusCode.BadRequest));
        await using var app = App();

        AnswerContract.AssertHolds(await app.AnswerAsync(new { question = Question }));
    }

    [Fact]
    public async Task A_429_with_retry_after_ms_waits_the_milliseconds_not_the_seconds()
    {
        // Azure OpenAI sends both; waiting the 60 s of Retry-After would leave the budget, so only retry-after-ms lets it retry.
        _model.Then(ScriptedReply.RateLimited(retryAfterSeconds: "60", retryAfterMilliseconds: "20"));
        _model.Then(Supported);
        await using var app = App();

        var answer = await app.AnswerAsync(new { question = Question });

        Assert.Equal(("openai", 2), (answer.Generator, _model.Requests.Count));
    }

    [Fact]
    public async Task A_429_asking_for_a_wait_beyond_the_budget_gives_up_at_once()
    {
        _model.Then(ScriptedReply.RateLimited(retryAfterSeconds: "60"));
        _model.Then(Supported);
        var logs = new RecordingLogger();
        await using var app = new RagApiApplication(index, settings: ModelSettingsFor.OpenAI(_model), services: logs.Services);

        var answer = await app.AnswerAsync(new { question = Question });

        Assert.Equal(("extractive-fallback", 1, true), (answer.Generator, _model.Requests.Count, logs.Messages.Any(m => m.Contains("(rate-limited)"))));
    }

    [Fact]
    public async Task A_429_for_insufficient_quota_is_not_retried()
    {
        _model.Then(ScriptedReply.QuotaExhausted());
        _model.Then(Supported);
        await using var app = App();

        var answer = await app.AnswerAsync(new { question = Question });

        Assert.Equal(("extractive-fallback", 1), (answer.Generator, _model.Requests.Count));
    }

    public ValueTask DisposeAsync() => _model.DisposeAsync();
}
