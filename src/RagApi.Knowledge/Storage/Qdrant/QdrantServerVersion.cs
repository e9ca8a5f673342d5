using System.Globalization;
using System.Text.RegularExpressions;

namespace RagApi.Knowledge.Storage.Qdrant;

/// <summary>
/// The oldest Qdrant this store works with. Qdrant.Client 1.20 sends the Query API's parameterised RRF (Query variant
/// 10, with k) and the vectors in the newer wire fields; Qdrant 1.12-1.15 answer every such search InvalidArgument
/// "Query variant is missing", and collection metadata (where the model binding lives) arrived later still.
/// </summary>
internal static partial class QdrantServerVersion
{
    public static readonly Version Minimum = new(1, 16, 0);

    /// <summary>"1.16.3", "v1.17.0" or "1.18.0-dev" as the health check reports it; null when it is none of these.</summary>
    public static Version? Parse(string? reported)
    {
        var match = reported is null ? null : Numbers().Match(reported);
        return match is { Success: true }
            ? new Version(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
                match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 0)
            : null;
    }

    /// <summary>Throws when the server reports a version older than <see cref="Minimum"/>, or none that can be read.</summary>
    public static void Require(string? reported, string endpoint)
    {
        var version = Parse(reported);
        if (version is not null && version >= Minimum) return;
        throw new KnowledgeStoreRefusedException(
            $"Qdrant at {endpoint} reports version '{reported}'; RagApi needs Qdrant {Minimum} or later, because older servers " +
            "reject its searches (InvalidArgument \"Query variant is missing\") and drop the collection's model binding. Upgrade Qdrant.");
    }

    [GeneratedRegex(@"^v?(\d+)\.(\d+)(?:\.(\d+))?")]
    private static partial Regex Numbers();
}
