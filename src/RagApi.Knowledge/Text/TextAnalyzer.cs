namespace RagApi.Knowledge.Text;

/// <summary>
/// The one analyzer behind BM25 in every store: lower-cased letter/digit runs, English stop words removed,
/// plural and simple suffixes folded, so "antibodies" matches "antibody" and "syndromes" matches "syndrome".
/// </summary>
internal static class TextAnalyzer
{
    /// <summary>
    /// Stores record the version whose terms they hold. Version 2 folds "-ses" and "-zes" plurals to their "-se" and
    /// "-ze" singulars ("diseases", "doses", "cases", "responses", "sizes"; version 1 cut them to "diseas"), the form
    /// of 19 in 20 such words in the PubMedQA, SciFact and seed texts. The price, the other one in 20: "viruses",
    /// "fetuses", "biases" and "gases" no longer meet their singulars.
    /// </summary>
    public const int Version = 2;

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

    public static IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        var buffer = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c)) buffer.Append(char.ToLowerInvariant(c));
            else if (char.IsLetterOrDigit(c)) LatinFolding.AppendFolded(buffer, char.ToLowerInvariant(c));
            else Flush(buffer, terms);
        }
        Flush(buffer, terms);
        return terms;
    }

    private static void Flush(System.Text.StringBuilder buffer, List<string> terms)
    {
        if (buffer.Length == 0) return;
        var word = buffer.ToString();
        buffer.Clear();
        if (StopWords.Contains(word)) return;
        terms.Add(Stem(word));
    }

    /// <summary>Step 1 of Porter's algorithm, simplified: enough to fold inflections without mangling drug names.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || char.IsDigit(word[^1])) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "y";
        if (word.EndsWith("sses", StringComparison.Ordinal)) return word[..^2];
        if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) ||
            word.EndsWith("is", StringComparison.Ordinal)) return word;
        if (word.EndsWith("es", StringComparison.Ordinal) && word.Length > 4 &&
            (word[^3] == 'x' || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)))
            return word[..^2];
        if (word.EndsWith('s')) return word[..^1];
        return word;
    }
}
