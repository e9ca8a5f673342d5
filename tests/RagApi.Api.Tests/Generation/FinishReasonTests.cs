using RagApi.Testing;

namespace RagApi.Api.Tests.Generation;

/// <summary>
/// finish_reason (OpenAI API reference, the chat completion object): "length" when max tokens cut the reply,
/// "content_filter" when the filter withheld content (Azure OpenAI content filtering documents it for both
/// routes). A cut statement is never shown; a filtered reply falls back, and the log says "filtered".
/// </summary>
public sealed class FinishReasonTests(SeedIndex index) : IAsyncLifetime
{
    private const string Question = "How is Lambert-Eaton myasthenic syndrome treated?";
    private ScriptedModelServer _model = null!;
    private readonly RecordingLogger _logs = new();
    private RagApiApplication _app = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await ScriptedModelServer.StartAsync();
        _app = new RagApiApplication(index, settings: ModelSettingsFor.OpenAI(_model), services: _logs.Services);
    }

    [Fact]
    public async Task A_reply_cut_by_the_token_limit_loses_only_its_unfinished_statement()
    {
        _model.Then(r => ScriptedReply.Chat(
            $"- 3,4-diaminopyridine improves muscle strength in LEMS [{r.PassageNumberContaining("3,4-diaminopyridine")}].\n- IVIg improved strength in LEMS in a placebo",
            finishReason: "length"));

        var answer = await _app.AnswerAsync(new { question = Question });

        Assert.Equal(("openai", false), (answer.Generator, answer.Answer.Contains("placebo")));
    }

    [Fact]
    public async Task A_filtered_reply_falls_back_and_the_log_names_the_reason()
    {
        _model.Then(r => ScriptedReply.Chat($"- 3,4-diaminopyridine improves muscle strength in LEMS [{r.PassageNumberContaining("3,4-diaminopyridine")}].", finishReason: "content_filter"));

        var answer = await _app.AnswerAsync(new { question = Question });

        Assert.Equal(("extractive-fallback", true), (answer.Generator, _logs.Messages.Any(m => m.Contains("(filtered)"))));
    }

    [Fact]
    public async Task The_fallback_log_never_carries_clinical_text()
    {
        _model.Then(ScriptedReply.Failure(System.Net.HttpStatusCode.BadRequest) with
        {
            Body = """{"error":{"message":"Bad request for: How is Lambert-Eaton myasthenic syndrome treated?","type":"invalid_request_error"}}""",
        });

        await _app.AnswerAsync(new { question = Question });

        var fallback = _logs.Messages.Single(m => m.Contains("chat model failed"));
        Assert.Equal((true, false), (fallback.Contains("(refused)"), fallback.Contains("Lambert")));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }
}
