using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace RagApi.Hosting.Security;

/// <summary>
/// The accepted key hashes as of the current configuration (a reload that removes a key revokes it at once).
/// A presented key is hashed and compared with every accepted hash in constant time.
/// </summary>
internal sealed class ApiKeyRing(IOptionsMonitor<ApiKeyOptions> options)
{
    private Snapshot? _current;

    /// <summary>Throws <see cref="OptionsValidationException"/> when a reload brought an invalid entry.</summary>
    public bool IsOpen => Hashes().Length == 0;

    /// <summary>The key's hash (hex) when it is accepted, else null.</summary>
    public string? Match(string presentedKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        var accepted = false;
        foreach (var candidate in Hashes()) accepted |= CryptographicOperations.FixedTimeEquals(hash, candidate);
        return accepted ? Convert.ToHexStringLower(hash) : null;
    }

    private byte[][] Hashes()
    {
        var source = options.CurrentValue;
        if (_current is { } current && ReferenceEquals(current.Source, source)) return current.Hashes;
        var hashes = source.ApiKeys.Select(Convert.FromHexString).ToArray();
        _current = new Snapshot(source, hashes);
        return hashes;
    }

    private sealed record Snapshot(ApiKeyOptions Source, byte[][] Hashes);
}
