using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RagApi.Hosting.Security;
using RagApi.Testing;

namespace RagApi.Api.Tests.Security;

/// <summary>The API key authentication scheme as the rate limiter and the authorization policy see it.</summary>
public sealed class ApiKeyIdentityTests(SeedIndex index)
{
    private static async Task<AuthenticateResult> AuthenticateAsync(RagApiApplication app, string header, string? value)
    {
        using var scope = app.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        if (value is not null) context.Request.Headers[header] = value;
        return await context.AuthenticateAsync(ApiKeyAuthentication.Scheme);
    }

    [Fact]
    public async Task An_accepted_key_authenticates_as_its_sha256_hash()
    {
        await using var app = new RagApiApplication(index, settings: Keys.Configured(Keys.Partner));

        var result = await AuthenticateAsync(app, ApiKeyAuthentication.Header, Keys.Partner);

        Assert.Equal(Keys.Hash(Keys.Partner), result.Principal?.FindFirstValue(ClaimTypes.Name));
    }

    [Fact]
    public async Task A_bearer_key_authenticates_as_the_same_identity()
    {
        await using var app = new RagApiApplication(index, settings: Keys.Configured(Keys.Partner));

        var result = await AuthenticateAsync(app, "Authorization", $"Bearer {Keys.Partner}");

        Assert.Equal(Keys.Hash(Keys.Partner), result.Principal?.Identity?.Name);
    }

    [Fact]
    public async Task An_unknown_key_fails_authentication()
    {
        await using var app = new RagApiApplication(index, settings: Keys.Configured(Keys.Partner));

        var result = await AuthenticateAsync(app, ApiKeyAuthentication.Header, Keys.Other);

        Assert.Equal((false, false), (result.Succeeded, result.None));
    }

    [Fact]
    public async Task No_key_sent_is_no_result_so_the_policy_challenges()
    {
        await using var app = new RagApiApplication(index, settings: Keys.Configured(Keys.Partner));

        var result = await AuthenticateAsync(app, ApiKeyAuthentication.Header, null);

        Assert.True(result.None);
    }

    [Fact]
    public async Task With_no_keys_configured_every_caller_is_let_in_without_a_name()
    {
        await using var app = new RagApiApplication(index);

        var result = await AuthenticateAsync(app, ApiKeyAuthentication.Header, null);

        Assert.Equal((true, true, null), (result.Succeeded, result.Principal?.Identity?.IsAuthenticated, result.Principal?.Identity?.Name));
    }
}
