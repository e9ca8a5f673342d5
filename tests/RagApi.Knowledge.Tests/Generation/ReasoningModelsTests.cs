using RagApi.Knowledge.Models;

namespace RagApi.Knowledge.Tests.Generation;

public sealed class ReasoningModelsTests
{
    [Theory]
    [InlineData("o1", true)]
    [InlineData("o3-mini", true)]
    [InlineData("o4-mini-2025-04-16", true)]
    [InlineData("gpt-5", true)]
    [InlineData("gpt-5-mini", true)]
    [InlineData("gpt-5.1", true)]
    [InlineData("openai/gpt-5-nano", true)]
    [InlineData("gpt-5-chat-latest", false)]
    [InlineData("gpt-4o", false)]
    [InlineData("gpt-4.1-mini", false)]
    [InlineData("llama3.1:8b", false)]
    [InlineData("omni-clinical", false)]
    public void IsReasoning_ByFamily_KnowsTheModelsThatRefuseMaxTokensAndTemperature(string model, bool reasoning)
    {
        Assert.Equal(reasoning, ReasoningModels.IsReasoning(model, configured: null));
    }

    [Fact]
    public void IsReasoning_WhenConfigured_FollowsTheSetting()
    {
        Assert.True(ReasoningModels.IsReasoning("clinical-chat", configured: true));
    }
}
