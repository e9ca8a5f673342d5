using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RagApi.Hosting.Security;
using RagApi.Hosting;
using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Limits;
using RagApi.Hosting.Problems;
using RagApi.Hosting.Telemetry;
using RagApi.Requests;

namespace RagApi.Hosting.OpenApi;

/// <summary>Title, the service's rules in prose, and the two ways of sending an API key.</summary>
internal sealed class ApiDocumentDescription : IOpenApiDocumentTransformer
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "RagApi";
        document.Info.Description =
            "Citation-grounded clinical answers from guidelines and research. Every statement carries a numbered " +
            "citation resolving to a passage and a verbatim quote; guideline evidence comes first; every answer ends " +
            "with a professional disclaimer.\n\n" +
            $"When the service has API keys configured, every /v1 request needs one, in the `{ApiKeys.Header}` header or as " +
            "`Authorization: Bearer <key>`. Each key (or, without keys, each client address) is rate limited; over the " +
            "limit the answer is 429 with `Retry-After`. Bodies over the size limit get 413, requests over the time " +
            "limit 504, and while the store is unavailable 503. Every error is `application/problem+json` with a stable `type`.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeys.Header,
            Description = "The API key itself; the service stores only its SHA-256.",
        };
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same API key as a bearer token.",
        };
        return Task.CompletedTask;
    }
}
