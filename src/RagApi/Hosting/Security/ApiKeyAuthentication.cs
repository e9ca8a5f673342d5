namespace RagApi.Hosting.Security;

/// <summary>The names the API key scheme is known by: its header, its authentication scheme and the policy on /v1.</summary>
public static class ApiKeyAuthentication
{
    public const string Header = "X-Api-Key";
    public const string Scheme = "ApiKey";
    public const string Policy = "api-key";
}
