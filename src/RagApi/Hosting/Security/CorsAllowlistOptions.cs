using Microsoft.Extensions.Options;

namespace RagApi.Hosting.Security;

/// <summary>Origins (scheme://host[:port]) whose pages may call the API from a browser, e.g. the widget's hosts.</summary>
public sealed class CorsAllowlistOptions
{
    public const string Section = "Cors";

    public List<string> AllowedOrigins { get; set; } = [];

    public static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
        && uri.GetLeftPart(UriPartial.Authority) == value.TrimEnd('/');
}

/// <summary>Every entry must be an origin: a path or a wildcard would allow more (or less) than it says.</summary>
internal sealed class CorsAllowlistRules : IValidateOptions<CorsAllowlistOptions>
{
    public ValidateOptionsResult Validate(string? name, CorsAllowlistOptions options) =>
        options.AllowedOrigins.All(CorsAllowlistOptions.IsOrigin)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Each Cors:AllowedOrigins entry must be an origin such as https://widget.example.org (scheme, host and optional port; no path).");
}
