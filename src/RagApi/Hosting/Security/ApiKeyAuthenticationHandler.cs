using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RagApi.Hosting.Problems;

namespace RagApi.Hosting.Security;

/// <summary>
/// A client is the SHA-256 hex of its accepted key (the identity's name). With no keys configured every caller is
/// let in, without a name. A refused request gets 401 problem+json; an unusable key list after a reload, 503.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyRing ring)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        bool open;
        try
        {
            open = ring.IsOpen;
        }
        catch (OptionsValidationException e)
        {
            return Task.FromResult(AuthenticateResult.Fail(e));
        }
        if (open) return Task.FromResult(Success(new ClaimsIdentity(Scheme.Name)));
        if (PresentedApiKey.From(Request) is not { Length: > 0 } key) return Task.FromResult(AuthenticateResult.NoResult());
        return Task.FromResult(ring.Match(key) is { } hash
            ? Success(new ClaimsIdentity([new Claim(ClaimTypes.Name, hash)], Scheme.Name))
            : AuthenticateResult.Fail("The key is unknown or has been revoked."));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure is OptionsValidationException misconfigured)
        {
            // A reload brought an unusable key list: fail closed rather than open.
            await ProblemResponses.WriteAsync(Context, StatusCodes.Status503ServiceUnavailable, ProblemTypes.Misconfigured,
                "The service's API key configuration is invalid.", misconfigured.Failures.FirstOrDefault());
            return;
        }
        if (result.None)
        {
            Response.Headers.WWWAuthenticate = "Bearer";
            await ProblemResponses.WriteAsync(Context, StatusCodes.Status401Unauthorized, ProblemTypes.ApiKeyRequired,
                "An API key is required.", $"Send the key in the {ApiKeyAuthentication.Header} header or as Authorization: Bearer <key>.");
            return;
        }
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await ProblemResponses.WriteAsync(Context, StatusCodes.Status401Unauthorized, ProblemTypes.ApiKeyInvalid,
            "The API key is not valid.", result.Failure?.Message);
    }

    private AuthenticateResult Success(ClaimsIdentity identity) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
}
