using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagApi.Testing;

namespace RagApi.Api.Tests.Generation;

/// <summary>
/// Many tenants disable key auth: with AzureOpenAI:ApiKey empty the Azure route signs in with Microsoft Entra ID
/// (DefaultAzureCredential in production) and sends "Authorization: Bearer" (Azure OpenAI REST reference,
/// authentication), never an api-key header. A recording credential stands in, so no network is needed.
/// </summary>
public sealed class AzureEntraIdTests(SeedIndex index)
{
    [Fact]
    public async Task Without_a_key_the_azure_route_sends_an_entra_id_bearer_token()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Then(r => ScriptedReply.Chat($"- 3,4-diaminopyridine improves muscle strength in LEMS [{r.PassageNumberContaining("3,4-diaminopyridine")}]."));
        var credential = new RecordingCredential();
        await using var app = new RagApiApplication(index, settings: ModelSettingsFor.Azure(model).With("AzureOpenAI:ApiKey", ""),
            services: s => s.Replace(ServiceDescriptor.Singleton<TokenCredential>(credential)));

        var answer = await app.AnswerAsync(new { question = "How is Lambert-Eaton myasthenic syndrome treated?" });

        var headers = model.Requests.Single().Headers;
        Assert.Equal(("azure-openai", "Bearer entra-test-token", false, "https://cognitiveservices.azure.com/.default"),
            (answer.Generator, headers.GetValueOrDefault("authorization"), headers.ContainsKey("api-key"), credential.Scopes));
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public string? Scopes { get; private set; }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes = string.Join(' ', requestContext.Scopes);
            return new AccessToken("entra-test-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}

/// <summary>Outside tests nothing replaces the credential: Entra ID sign-in goes through DefaultAzureCredential.</summary>
public sealed class AzureCredentialRegistrationTests(SeedIndex index)
{
    [Fact]
    public async Task The_registered_credential_is_default_azure_credential()
    {
        await using var app = new RagApiApplication(index);

        Assert.IsType<Azure.Identity.DefaultAzureCredential>(app.Services.GetRequiredService<TokenCredential>());
    }
}
