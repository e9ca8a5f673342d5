using System.Text;
using RagApi.Knowledge.Embeddings;

namespace RagApi.Testing;

/// <summary>
/// A fast, deterministic stand-in for MiniLM: a hashed bag of lower-cased words in 64 dimensions, unit length.
/// Counts one token per whitespace-separated word plus the two special tokens.
/// </summary>
internal sealed class FakeEmbedder : ITextEmbedder
{
    public const int Size = 64;

    public string ModelId => "test/hashed-bag-of-words";

    public int Dimensions => Size;

    public int EmbedCalls { get; private set; }

    public int CountTokens(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length + 2;

    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        EmbedCalls++;
        return Task.FromResult(texts.Select(Embed).ToArray());
    }

    public static float[] Embed(string text)
    {
        var vector = new float[Size];
        foreach (var word in Words(text)) vector[Bucket(word)] += 1;
        if (vector.All(v => v == 0)) vector[0] = 1;
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / norm).ToArray();
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
    }

    /// <summary>FNV-1a, so buckets do not depend on the process's string hash seed.</summary>
    private static int Bucket(string word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return (int)(hash % Size);
    }
}
