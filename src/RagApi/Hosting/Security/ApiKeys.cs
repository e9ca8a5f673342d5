using Microsoft.Extensions.Options;
using RagApi.Hosting;
using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Limits;
using RagApi.Hosting.OpenApi;
using RagApi.Hosting.Problems;
using RagApi.Hosting.Telemetry;
using RagApi.Requests;

namespace RagApi.Hosting.Security;

/// <summary>
/// When keys are configured, every /v1 request must carry one in <c>X-Api-Key</c> or <c>Authorization: Bearer</c>;
/// otherwise 401 problem+json. The accepted key's hash names the client for rate limiting.
/// </summary>
public static class ApiKeys
{
    public const string Header = "X-Api-Key";
    internal const string ClientItem = "ragapi.client";

    public static WebApplicationBuilder AddApiKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        builder.Services.AddSingleton<ApiKeyRing>();
        return builder;
    }

    public static WebApplication UseApiKeys(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!ProblemResponses.IsApi(context) || HttpMethods.IsOptions(context.Request.Method))
            {
                await next(context);
                return;
            }
            var ring = context.RequestServices.GetRequiredService<ApiKeyRing>();
            bool open;
            try
            {
                open = ring.IsOpen;
            }
            catch (OptionsValidationException e)
            {
                // A reload brought an unusable key list: fail closed rather than open.
                await ProblemResponses.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, ProblemTypes.Misconfigured,
                    "The service's API key configuration is invalid.", e.Failures.FirstOrDefault());
                return;
            }
            if (open)
            {
                await next(context);
                return;
            }
            if (PresentedKey(context.Request) is not { Length: > 0 } key)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await ProblemResponses.WriteAsync(context, StatusCodes.Status401Unauthorized, ProblemTypes.ApiKeyRequired,
                    "An API key is required.", $"Send the key in the {Header} header or as Authorization: Bearer <key>.");
                return;
            }
            if (ring.Match(key) is not { } hash)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                await ProblemResponses.WriteAsync(context, StatusCodes.Status401Unauthorized, ProblemTypes.ApiKeyInvalid,
                    "The API key is not valid.", "The key is unknown or has been revoked.");
                return;
            }
            context.Items[ClientItem] = "key:" + hash;
            await next(context);
        });
        return app;
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(Header, out var key) && key.Count == 1) return key[0]?.Trim();
        var authorization = request.Headers.Authorization;
        if (authorization.Count != 1 || authorization[0] is not { } value) return null;
        const string bearer = "Bearer ";
        return value.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? value[bearer.Length..].Trim() : null;
    }
}
