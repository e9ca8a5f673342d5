using RagApi.Testing;

namespace RagApi.Api.Tests.Generation;

/// <summary>
/// Against a real Azure OpenAI deployment, only when AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY and
/// AZURE_OPENAI_CHAT_DEPLOYMENT are set; skipped otherwise (no endpoint can be reached where CI runs).
/// </summary>
public sealed class LiveAzureOpenAITests(SeedIndex index)
{
    [Fact]
    public async Task A_live_azure_answer_is_generated_verified_and_keeps_the_contract()
    {
        var endpoint = Environment.GetEnvironmentVariable("AZURE_OPENAI_ENDPOINT");
        var key = Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY");
        var deployment = Environment.GetEnvironmentVariable("AZURE_OPENAI_CHAT_DEPLOYMENT");
        Assert.SkipWhen(string.IsNullOrEmpty(endpoint) || string.IsNullOrEmpty(key) || string.IsNullOrEmpty(deployment),
            "Set AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY and AZURE_OPENAI_CHAT_DEPLOYMENT to run against a real deployment.");
        await using var app = new RagApiApplication(index, settings: new Dictionary<string, string?>
        {
            ["Generation:Provider"] = "AzureOpenAI",
            ["AzureOpenAI:Endpoint"] = endpoint!,
            ["AzureOpenAI:ApiKey"] = key!,
            ["AzureOpenAI:ChatDeployment"] = deployment!,
        });

        var answer = await app.AnswerAsync(new { question = "How is Lambert-Eaton myasthenic syndrome treated?" });

        Assert.Equal("azure-openai", answer.Generator);
        AnswerContract.AssertHolds(answer);
    }
}
