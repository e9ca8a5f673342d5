using Microsoft.OpenApi;
using RagApi.Hosting.Security;

namespace RagApi.Hosting.OpenApi;

/// <summary>How a client presents the credentials of each authentication scheme, as OpenAPI security schemes.</summary>
internal static class ApiSecuritySchemes
{
    private static readonly Dictionary<string, Dictionary<string, OpenApiSecurityScheme>> ByAuthenticationScheme = new(StringComparer.Ordinal)
    {
        [ApiKeyAuthentication.Scheme] = new(StringComparer.Ordinal)
        {
            ["ApiKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthentication.Header,
                Description = "The API key itself; the service stores only its SHA-256.",
            },
            ["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The same API key as a bearer token.",
            },
        },
    };

    public static IReadOnlyDictionary<string, OpenApiSecurityScheme> For(string authenticationScheme) =>
        ByAuthenticationScheme.TryGetValue(authenticationScheme, out var schemes) ? schemes : new Dictionary<string, OpenApiSecurityScheme>();
}
