using RagApi.Testing;

namespace RagApi.Api.Tests.Generation;

/// <summary>
/// Reasoning deployments (o-series, gpt-5) refuse max_tokens and any temperature but the default with the
/// documented 400s (the stand-in sends them); with such a model named in settings and nothing else configured,
/// answers must still come from the model on both routes.
/// </summary>
public sealed class ReasoningModelTests(SeedIndex index) : IAsyncLifetime
{
    private const string Question = "How is Lambert-Eaton myasthenic syndrome treated?";
    private ScriptedModelServer _model = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await ScriptedModelServer.StartAsync(new ModelServerBehaviour { ReasoningModel = true });
        for (var i = 0; i < 2; i++) _model.Then(Supported);
    }

    private static ScriptedReply Supported(RecordedRequest request) => ScriptedReply.Chat(
        $"- 3,4-diaminopyridine improves muscle strength in LEMS [{request.PassageNumberContaining("3,4-diaminopyridine")}].");

    [Fact]
    public async Task An_o_series_model_on_the_openai_route_answers_at_the_first_request()
    {
        await using var app = new RagApiApplication(index, settings: ModelSettingsFor.OpenAI(_model).With("OpenAI:ChatModel", "o3-mini"));

        var answer = await app.AnswerAsync(new { question = Question });

        Assert.Equal(("openai", 1), (answer.Generator, _model.Requests.Count));
    }

    [Fact]
    public async Task A_gpt5_deployment_on_the_azure_route_answers_at_the_first_request()
    {
        await using var app = new RagApiApplication(index, settings: ModelSettingsFor.Azure(_model).With("AzureOpenAI:ChatDeployment", "gpt-5-mini"));

        var answer = await app.AnswerAsync(new { question = Question });

        Assert.Equal(("azure-openai", 1), (answer.Generator, _model.Requests.Count));
    }

    [Fact]
    public async Task A_reasoning_model_is_sent_max_completion_tokens_and_no_temperature()
    {
        await using var app = new RagApiApplication(index, settings: ModelSettingsFor.Azure(_model).With("AzureOpenAI:ChatDeployment", "o4-mini"));

        await app.AnswerAsync(new { question = Question });

        var request = _model.Requests.Single();
        Assert.Equal((true, false, false), (request.Has("max_completion_tokens"), request.Has("max_tokens"), request.Has("temperature")));
    }

    [Fact]
    public async Task A_reasoning_model_on_the_openai_route_is_sent_max_completion_tokens_and_no_temperature()
    {
        await using var app = new RagApiApplication(index, settings: ModelSettingsFor.OpenAI(_model).With("OpenAI:ChatModel", "gpt-5"));

        await app.AnswerAsync(new { question = Question });

        var request = _model.Requests.Single();
        Assert.Equal((true, false, false), (request.Has("max_completion_tokens"), request.Has("max_tokens"), request.Has("temperature")));
    }

    [Fact]
    public async Task A_deployment_whose_name_hides_its_family_is_adapted_to_once_and_then_asked_right()
    {
        await using var app = new RagApiApplication(index, settings: ModelSettingsFor.Azure(_model));

        var first = await app.AnswerAsync(new { question = Question });
        var before = _model.Requests.Count;
        var second = await app.AnswerAsync(new { question = Question });

        Assert.Equal(("azure-openai", "azure-openai", 1), (first.Generator, second.Generator, _model.Requests.Count - before));
    }

    public ValueTask DisposeAsync() => _model.DisposeAsync();
}

/// <summary>A model that takes temperature gets the configured one.</summary>
public sealed class TemperatureTests(SeedIndex index)
{
    [Fact]
    public async Task A_local_model_server_is_sent_max_tokens_which_ollama_llama_cpp_and_vllm_document()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Then(r => ScriptedReply.Chat($"- 3,4-diaminopyridine improves muscle strength in LEMS [{r.PassageNumberContaining("3,4-diaminopyridine")}]."));
        await using var app = new RagApiApplication(index, settings: ModelSettingsFor.OpenAI(model).With("OpenAI:ChatModel", "llama3.1:8b"));

        await app.AnswerAsync(new { question = "How is Lambert-Eaton myasthenic syndrome treated?" });

        var request = model.Requests.Single();
        Assert.Equal((true, false), (request.Has("max_tokens"), request.Has("max_completion_tokens")));
    }

    [Fact]
    public async Task A_configured_temperature_is_sent_to_a_model_that_takes_it()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Then(r => ScriptedReply.Chat($"- 3,4-diaminopyridine improves muscle strength in LEMS [{r.PassageNumberContaining("3,4-diaminopyridine")}]."));
        await using var app = new RagApiApplication(index, settings: ModelSettingsFor.OpenAI(model).With("Generation:Temperature", "0.3"));

        await app.AnswerAsync(new { question = "How is Lambert-Eaton myasthenic syndrome treated?" });

        Assert.Contains("\"temperature\":0.3", model.Requests.Single().Body.Replace(" ", ""));
    }
}
