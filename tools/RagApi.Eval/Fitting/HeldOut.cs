using System.Security.Cryptography;
using System.Text;

namespace RagApi.Eval.Fitting;

/// <summary>A stable split by the hash of a case id: the same cases are held out on every machine and every run.</summary>
public static class HeldOut
{
    public const int DefaultPercent = 25;

    public static bool Contains(string id, int percent = DefaultPercent)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(id));
        return BitConverter.ToUInt32(hash, 0) % 100 < (uint)percent;
    }
}
