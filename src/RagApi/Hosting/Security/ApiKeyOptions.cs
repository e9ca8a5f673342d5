using Microsoft.Extensions.Options;

namespace RagApi.Hosting.Security;

/// <summary>Accepted API keys, each stored as the lowercase SHA-256 hex of the key; none configured = open.</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Auth";

    public List<string> ApiKeys { get; set; } = [];
}

internal sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var failures = options.ApiKeys
            .Select((hash, i) => (hash, i))
            .Where(k => k.hash.Length != 64 || !k.hash.All(char.IsAsciiHexDigitLower))
            .Select(k => $"Auth:ApiKeys:{k.i} must be the lowercase SHA-256 hex of a key (64 characters 0-9a-f), " +
                         "not the key itself; compute it with: printf %s 'the-key' | sha256sum")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
