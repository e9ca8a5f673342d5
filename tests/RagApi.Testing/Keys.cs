using System.Security.Cryptography;
using System.Text;

namespace RagApi.Testing;

/// <summary>API keys as partners hold them, and as the service is configured with them (SHA-256 hex).</summary>
internal static class Keys
{
    public const string Partner = "partner-key-7f3c9a1e";
    public const string Other = "other-key-52be04d8";

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static Dictionary<string, string?> Configured(params string[] keys) =>
        keys.Select((key, i) => (Key: $"Auth:ApiKeys:{i}", Value: (string?)Hash(key))).ToDictionary(k => k.Key, k => k.Value);

    public static HttpRequestMessage Get(string path, string? apiKey = null, string header = "X-Api-Key")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (apiKey is null) return request;
        if (header == "Authorization") request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {apiKey}");
        else request.Headers.Add(header, apiKey);
        return request;
    }
}
