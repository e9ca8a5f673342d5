using System.Text.RegularExpressions;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Knowledge.Answering.Composing;

internal static partial class StatementText
{
    /// <summary>Bracketed numbers in a source (its own reference markers) would read as our citations.</summary>
    [GeneratedRegex(@"\s*\[\s*\d+(?:\s*[-–,]\s*\d+)*\s*\]")]
    private static partial Regex SourceReferenceMarker();

    public static string Clean(string sentence) => SourceReferenceMarker().Replace(sentence, "").Trim();

    /// <summary>Heading-like fragments, very short pieces and list lead-ins ending in a colon say nothing on their own.</summary>
    public static bool IsStatement(string sentence) =>
        sentence.Count(char.IsLetter) >= 25 && sentence.Contains(' ') && !sentence.TrimEnd().EndsWith(':');
}
