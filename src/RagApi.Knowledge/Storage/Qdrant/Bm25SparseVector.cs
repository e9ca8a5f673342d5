using System.Text;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Storage.Qdrant;

/// <summary>
/// BM25 as a sparse vector: the project's <see cref="TextAnalyzer"/> gives the terms (as in the embedded store's
/// FTS index), each term hashes to an index, a document carries its saturated term frequency, a query 1 per term,
/// and Qdrant multiplies in the IDF (the sparse vector's Idf modifier) from the collection's own statistics.
/// </summary>
internal static class Bm25SparseVector
{
    public const float K1 = 1.2f;
    public const float B = 0.75f;

    /// <summary>Terms in a typical chunk (about 160 word pieces less stop words); BM25's length normalisation pivots on it.</summary>
    public const float AverageTerms = 90f;

    public static (float[] Values, uint[] Indices) ForDocument(string text)
    {
        var terms = TextAnalyzer.Terms(text);
        var frequencies = new SortedDictionary<uint, int>();
        foreach (var term in terms) frequencies[IndexOf(term)] = frequencies.GetValueOrDefault(IndexOf(term)) + 1;
        var lengthNorm = 1 - B + B * terms.Count / AverageTerms;
        return (frequencies.Values.Select(tf => tf * (K1 + 1) / (tf + K1 * lengthNorm)).ToArray(), frequencies.Keys.ToArray());
    }

    public static (float[] Values, uint[] Indices) ForQuery(string text)
    {
        var indices = TextAnalyzer.Terms(text).Select(IndexOf).Distinct().Order().ToArray();
        return (Enumerable.Repeat(1f, indices.Length).ToArray(), indices);
    }

    /// <summary>FNV-1a over the term's UTF-8 bytes: stable across processes and machines.</summary>
    public static uint IndexOf(string term)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(term))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        return hash;
    }
}
