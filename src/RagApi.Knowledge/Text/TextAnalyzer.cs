namespace RagApi.Knowledge.Text;

/// <summary>
/// The one analyzer behind BM25 in every store: lower-cased letter/digit runs, English stop words removed,
/// plural and simple suffixes folded, so "antibodies" matches "antibody" and "syndromes" matches "syndrome".
/// </summary>
internal static class TextAnalyzer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me",
        "more", "most", "my", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "our", "out", "over",
        "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there",
        "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were",
        "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "may",
        "might", "must", "shall", "tell", "know", "please", "there", "whether",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordSpans = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // The word being read, reused: analysing every retrieved sentence of every answer allocated a builder and a
    // string per word, stop words included.
    [ThreadStatic] private static char[]? t_word;
    private const int MaxKeptWord = 1024;

    public static IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        var word = t_word ?? new char[64];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c)) Append(ref word, ref length, char.ToLowerInvariant(c));
            else if (char.IsLetterOrDigit(c))
            {
                var lower = char.ToLowerInvariant(c);
                if (LatinFolding.Fold(lower) is { } folded)
                    foreach (var letter in folded) Append(ref word, ref length, letter);
                else Append(ref word, ref length, lower);
            }
            else
            {
                Flush(word.AsSpan(0, length), terms);
                length = 0;
            }
        }
        Flush(word.AsSpan(0, length), terms);
        // A buffer grown by one very long run (an encoded blob) is not kept on the thread.
        if (word.Length <= MaxKeptWord) t_word = word;
        return terms;
    }

    private static void Append(ref char[] word, ref int length, char letter)
    {
        if (length == word.Length) Array.Resize(ref word, word.Length * 2);
        word[length++] = letter;
    }

    private static void Flush(ReadOnlySpan<char> word, List<string> terms)
    {
        if (word.Length == 0 || StopWordSpans.Contains(word)) return;
        terms.Add(Stem(word));
    }

    /// <summary>Step 1 of Porter's algorithm, simplified: enough to fold inflections without mangling drug names.</summary>
    public static string Stem(string word) => Stem(word.AsSpan());

    private static string Stem(ReadOnlySpan<char> word)
    {
        if (word.Length <= 3 || char.IsDigit(word[^1])) return new string(word);
        if (word.EndsWith("ies") && word.Length > 4) return string.Concat(word[..^3], "y");
        if (word.EndsWith("sses")) return new string(word[..^2]);
        if (word.EndsWith("ss") || word.EndsWith("us") || word.EndsWith("is")) return new string(word);
        if (word.EndsWith("es") && word.Length > 4 && (word[^3] is 's' or 'x' or 'z' || word.EndsWith("ches") || word.EndsWith("shes")))
            return new string(word[..^2]);
        if (word.EndsWith('s')) return new string(word[..^1]);
        return new string(word);
    }
}
