namespace RagApi.Knowledge.Models;

/// <summary>
/// Reasoning models (OpenAI o-series, gpt-5 family) refuse <c>max_tokens</c> (400 unsupported_parameter; they take
/// <c>max_completion_tokens</c>) and any temperature but the default (400 unsupported_value). Known by name here;
/// a deployment with another name is found out from the first such error (see <see cref="ChatModel"/>).
/// </summary>
internal static class ReasoningModels
{
    private static readonly string[] Families = ["o1", "o3", "o4", "gpt-5"];

    public static bool IsReasoning(string modelOrDeployment, bool? configured)
    {
        if (configured is { } explicitly) return explicitly;
        var name = modelOrDeployment.Trim().ToLowerInvariant();
        var slash = name.LastIndexOf('/');
        if (slash >= 0) name = name[(slash + 1)..];
        // gpt-5-chat is the non-reasoning chat variant, which takes temperature.
        if (name.StartsWith("gpt-5-chat", StringComparison.Ordinal)) return false;
        return Families.Any(f => name == f || name.StartsWith(f + "-", StringComparison.Ordinal) || name.StartsWith(f + ".", StringComparison.Ordinal));
    }
}
