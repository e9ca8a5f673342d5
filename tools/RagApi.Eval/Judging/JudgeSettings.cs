namespace RagApi.Eval.Judging;

/// <summary>
/// Which chat model judges citations: Judge__Provider (OpenAI or AzureOpenAI) with the very settings the API
/// reads for that provider (OpenAI__Endpoint/ApiKey/ChatModel, AzureOpenAI__Endpoint/ApiKey/ChatDeployment/
/// ApiVersion), from the environment. No provider: the judge is off.
/// </summary>
public sealed record JudgeSettings(string Provider, Uri Endpoint, string? ApiKey, string Model, string? ApiVersion)
{
    public const string DefaultAzureApiVersion = "2024-10-21";

    /// <summary>The settings, null when no judge is configured; throws naming every missing variable.</summary>
    public static JudgeSettings? FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        var provider = read("Judge__Provider");
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("None", StringComparison.OrdinalIgnoreCase)) return null;
        var (prefix, modelKey) = provider switch
        {
            _ when provider.Equals("OpenAI", StringComparison.OrdinalIgnoreCase) => ("OpenAI", "ChatModel"),
            _ when provider.Equals("AzureOpenAI", StringComparison.OrdinalIgnoreCase) => ("AzureOpenAI", "ChatDeployment"),
            _ => throw new ArgumentException($"Judge__Provider is '{provider}': use OpenAI, AzureOpenAI or None."),
        };
        var endpoint = read($"{prefix}__Endpoint");
        var model = read($"{prefix}__{modelKey}");
        var missing = new[] { ($"{prefix}__Endpoint", endpoint), ($"{prefix}__{modelKey}", model) }.Where(x => string.IsNullOrWhiteSpace(x.Item2)).Select(x => x.Item1).ToList();
        if (missing.Count > 0) throw new ArgumentException($"Judge__Provider is {prefix} but {string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} not set.");
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)) throw new ArgumentException($"{prefix}__Endpoint '{endpoint}' is not an absolute URL.");
        return new JudgeSettings(prefix, uri, read($"{prefix}__ApiKey"), model!, prefix == "AzureOpenAI" ? read("AzureOpenAI__ApiVersion") ?? DefaultAzureApiVersion : null);
    }
}
