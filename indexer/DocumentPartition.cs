using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RagApi.Indexer;

/// <summary>
/// Part k of n (<c>--partition k/n</c>): a document belongs to the part its id's SHA-256 falls in, the same on every
/// machine and in every run, so n indexer processes share one source without overlap or gaps.
/// </summary>
public sealed record DocumentPartition(int Part, int Parts)
{
    public static readonly DocumentPartition Whole = new(1, 1);

    public static bool TryParse(string text, out DocumentPartition partition, out string? problem)
    {
        partition = Whole;
        problem = null;
        var pieces = text.Split('/');
        if (pieces.Length != 2 ||
            !int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var part) ||
            !int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parts) ||
            parts < 1 || part < 1 || part > parts)
        {
            problem = $"--partition must be k/n with 1 <= k <= n (e.g. 2/4), not '{text}'.";
            return false;
        }
        partition = new DocumentPartition(part, parts);
        return true;
    }

    public bool Includes(string documentId) => PartOf(documentId, Parts) == Part;

    public static int PartOf(string documentId, int parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(documentId));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)parts) + 1;
    }

    public override string ToString() => $"{Part}/{Parts}";
}
