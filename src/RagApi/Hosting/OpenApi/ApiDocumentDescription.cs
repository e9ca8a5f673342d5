using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RagApi.Hosting.Security;

namespace RagApi.Hosting.OpenApi;

/// <summary>Title, the service's rules in prose, and a security scheme for each way the registered authentication accepts a key.</summary>
internal sealed class ApiDocumentDescription(IAuthenticationSchemeProvider authentication) : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "RagApi";
        document.Info.Description =
            "Citation-grounded clinical answers from guidelines and research. Every statement carries a numbered " +
            "citation resolving to a passage and a verbatim quote; guideline evidence comes first; every answer ends " +
            "with a professional disclaimer.\n\n" +
            $"When the service has API keys configured, every /v1 request needs one, in the `{ApiKeyAuthentication.Header}` header or as " +
            "`Authorization: Bearer <key>`. Each key (or, without keys, each client address) is rate limited; over the " +
            "limit the answer is 429 with `Retry-After`. Bodies over the size limit get 413, requests over the time " +
            "limit 504, and while the store is unavailable 503. Every error is `application/problem+json` with a stable `type`.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        foreach (var scheme in await authentication.GetAllSchemesAsync())
            foreach (var (name, securityScheme) in ApiSecuritySchemes.For(scheme.Name))
                document.Components.SecuritySchemes[name] = securityScheme;
    }
}
