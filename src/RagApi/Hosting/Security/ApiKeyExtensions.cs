using Microsoft.Extensions.Options;

namespace RagApi.Hosting.Security;

/// <summary>
/// When keys are configured, every endpoint under the <see cref="ApiKeyAuthentication.Policy"/> policy needs one in
/// <c>X-Api-Key</c> or <c>Authorization: Bearer</c>; the accepted key's hash names the client for rate limiting.
/// </summary>
public static class ApiKeyExtensions
{
    public static WebApplicationBuilder AddApiKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        builder.Services.AddSingleton<ApiKeyRing>();
        builder.Services.AddAuthentication()
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthentication.Scheme, _ => { });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthentication.Policy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthentication.Scheme)
                .RequireAuthenticatedUser());
        return builder;
    }

    public static WebApplication UseApiKeys(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
