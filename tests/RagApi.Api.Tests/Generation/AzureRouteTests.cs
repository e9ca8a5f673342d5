using RagApi.Testing;

namespace RagApi.Api.Tests.Generation;

/// <summary>The Azure OpenAI route: deployment in the path, the key in the api-key header.</summary>
public sealed class AzureRouteTests(SeedIndex index) : IAsyncLifetime
{
    private const string Question = "How is Lambert-Eaton myasthenic syndrome treated?";
    private ScriptedModelServer _model = null!;
    private RagApiApplication _app = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await ScriptedModelServer.StartAsync();
        _model.Then(r => ScriptedReply.Chat($"- 3,4-diaminopyridine improves muscle strength in LEMS [{r.PassageNumberContaining("3,4-diaminopyridine")}]."));
        _app = new RagApiApplication(index, settings: ModelSettingsFor.Azure(_model));
    }

    [Fact]
    public async Task An_azure_answer_is_generated_by_azure_openai()
    {
        var answer = await _app.AnswerAsync(new { question = Question });

        Assert.Equal("azure-openai", answer.Generator);
    }

    [Fact]
    public async Task The_azure_request_goes_to_the_deployment_with_the_api_key_header()
    {
        await _app.AnswerAsync(new { question = Question });

        var request = _model.Requests.Single();
        Assert.Equal(($"/openai/deployments/{ModelSettingsFor.ChatDeployment}/chat/completions", ModelSettingsFor.ApiKey),
            (request.Path.Split('?')[0], request.Headers.GetValueOrDefault("api-key")));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }
}
