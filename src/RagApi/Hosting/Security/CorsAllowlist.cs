using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using RagApi.Hosting;
using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Limits;
using RagApi.Hosting.OpenApi;
using RagApi.Hosting.Problems;
using RagApi.Hosting.Telemetry;
using RagApi.Requests;

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

/// <summary>No origin is allowed unless listed: a page from any other origin cannot read responses.</summary>
public static class CorsAllowlist
{
    public static WebApplicationBuilder AddCorsAllowlist(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CorsAllowlistOptions>().BindConfiguration(CorsAllowlistOptions.Section)
            .Validate(o => o.AllowedOrigins.All(CorsAllowlistOptions.IsOrigin),
                "Each Cors:AllowedOrigins entry must be an origin such as https://widget.example.org (scheme, host and optional port; no path).")
            .ValidateOnStart();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<CorsAllowlistOptions>>((cors, allowlist) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins(allowlist.Value.AllowedOrigins.Select(o => o.TrimEnd('/')).ToArray())
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                .WithHeaders("Content-Type", ApiKeys.Header, "Authorization")
                .WithExposedHeaders("Retry-After")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return builder;
    }

    public static WebApplication UseCorsAllowlist(this WebApplication app)
    {
        app.UseCors();
        return app;
    }
}
