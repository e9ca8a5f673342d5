using System.Security.Cryptography;
using System.Text;

namespace RagApi.Knowledge.Storage.Qdrant;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5) so a chunk always lands on the same point: rewriting a document
/// overwrites its points instead of adding copies, on any machine and in any run.
/// </summary>
internal static class QdrantPointIds
{
    /// <summary>This project's namespace; never change it, or every stored point id changes.</summary>
    private static readonly Guid Namespace = new("6f1d3a2e-4b7c-5e8f-9a0b-1c2d3e4f5a6b");

    public static Guid ForChunk(string chunkId) => NameBased("chunk:" + chunkId);

    /// <summary>The point that records a whole document (its content hash); it has no vectors.</summary>
    public static Guid ForDocument(string documentId) => NameBased("document:" + documentId);

    private static Guid NameBased(string name) => NameBased(Namespace, name);

    internal static Guid NameBased(Guid namespaceId, string name)
    {
        var namespaceBytes = namespaceId.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        // RFC 9562 defines name-based UUIDv5 with SHA-1: an identifier, not a security use.
#pragma warning disable CA5350
        var hash = SHA1.HashData([.. namespaceBytes, .. nameBytes]);
#pragma warning restore CA5350
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
