using System.Text.RegularExpressions;

namespace RagApi.Knowledge.Answering.Composing.Selection;

/// <summary>
/// Sentences that lean on the one before them, a feature of selection. Whether a sentence can be used alone at all
/// is <see cref="StatementText.StandsAlone"/>.
/// </summary>
public static partial class ContextDependence
{
    /// <summary>Connectives ("However", "Thus") lean on the sentence before but may still state a fact.</summary>
    [GeneratedRegex(@"^\W*(?:however|moreover|furthermore|in\s+addition|additionally|thus|therefore|hence|similarly|conversely|nevertheless|likewise|as\s+a\s+result|in\s+contrast|finally|taken\s+together|overall|in\s+conclusion|also)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Connective();

    public static bool LeansOnPrevious(string sentence) => Connective().IsMatch(sentence);
}
