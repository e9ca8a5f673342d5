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
