using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace RagApi.Hosting.Security;

/// <summary>No origin is allowed unless listed: a page from any other origin cannot read responses.</summary>
public static class CorsExtensions
{
    public static WebApplicationBuilder AddCorsAllowlist(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CorsAllowlistOptions>().BindConfiguration(CorsAllowlistOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CorsAllowlistOptions>, CorsAllowlistRules>();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<CorsAllowlistOptions>>((cors, allowlist) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins(allowlist.Value.AllowedOrigins.Select(o => o.TrimEnd('/')).ToArray())
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                .WithHeaders("Content-Type", ApiKeyAuthentication.Header, "Authorization")
                .WithExposedHeaders("Retry-After")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return builder;
    }

    /// <summary>Before authentication, so a preflight is answered without a key.</summary>
    public static WebApplication UseCorsAllowlist(this WebApplication app)
    {
        app.UseCors();
        return app;
    }
}
