namespace RagApi.Api.Tests.Generation;

/// <summary>Configuration that points the API at a scripted model server, with fast retries.</summary>
internal static class ModelSettingsFor
{
    public const string ApiKey = "test-key";
    public const string ChatDeployment = "clinical-chat";

    public static Dictionary<string, string?> OpenAI(ScriptedModelServer server) => new()
    {
        ["Generation:Provider"] = "OpenAI",
        ["OpenAI:Endpoint"] = server.OpenAIEndpoint,
        ["OpenAI:ApiKey"] = ApiKey,
        ["OpenAI:ChatModel"] = "scripted-model",
        ["Generation:RetryDelayMilliseconds"] = "10",
    };

    public static Dictionary<string, string?> Azure(ScriptedModelServer server) => new()
    {
        ["Generation:Provider"] = "AzureOpenAI",
        ["AzureOpenAI:Endpoint"] = server.BaseUrl + "/",
        ["AzureOpenAI:ApiKey"] = ApiKey,
        ["AzureOpenAI:ChatDeployment"] = ChatDeployment,
        ["Generation:RetryDelayMilliseconds"] = "10",
    };

    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, string key, string value)
    {
        settings[key] = value;
        return settings;
    }
}
