using System.CommandLine.Parsing;

namespace RagApi.Eval.Targets;

/// <summary>Parses --api: System.CommandLine has no built-in Uri conversion, so the option reads a string and checks it here.</summary>
internal static class ApiUri
{
    public static Uri? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
        result.AddError($"--api '{text}' is not an absolute http(s) URL (e.g. http://localhost:5080).");
        return null;
    }
}
