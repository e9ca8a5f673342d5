using Microsoft.AspNetCore.Authentication;

namespace RagApi.Hosting.Security;

/// <summary>The scheme needs no settings of its own: the accepted keys are <see cref="ApiKeyOptions"/>, read on every request.</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions;
