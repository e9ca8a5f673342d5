namespace RagApi.Hosting.Security;

/// <summary>The key a client sent, in <c>X-Api-Key</c> or as <c>Authorization: Bearer</c>; null when it sent none.</summary>
internal static class PresentedApiKey
{
    private const string Bearer = "Bearer ";

    public static string? From(HttpRequest request)
    {
        if (request.Headers.TryGetValue(ApiKeyAuthentication.Header, out var key) && key.Count == 1) return key[0]?.Trim();
        var authorization = request.Headers.Authorization;
        if (authorization.Count != 1 || authorization[0] is not { } value) return null;
        return value.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? value[Bearer.Length..].Trim() : null;
    }
}
