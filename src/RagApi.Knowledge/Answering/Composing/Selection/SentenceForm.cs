using System.Text.RegularExpressions;

namespace RagApi.Knowledge.Answering.Composing.Selection;

/// <summary>
/// Two forms of sentence that seldom answer what was asked directly, features of selection (their weight is fitted):
/// a definition ("LEMS is an autoimmune disorder of ...") when the question asks something else about its subject,
/// and an answer for the patients in whom a first measure did not work ("Patients whose weakness remains
/// troublesome despite symptomatic treatment can be treated with ..."), which is the second line, not the first.
/// </summary>
public static partial class SentenceForm
{
    /// <summary>A subject of up to eight words classified with an indefinite article: "X is a/an ...", "Xs are ...".</summary>
    [GeneratedRegex(@"^\W*(?:\S+\s+){1,8}?(?:is|are)\s+(?:a|an)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Classification();

    [GeneratedRegex(@"\b(?:despite|insufficient|inadequate(?:ly)?|refractory|fail(?:s|ed)?\s+to|failure\s+of|second[- ]line|unresponsive|(?:does|do|did)\s+not\s+respond|intoleran(?:t|ce))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FirstMeasureFailed();

    public static bool IsDefinition(string sentence) => Classification().IsMatch(sentence);

    public static bool IsForWhenAFirstMeasureFails(string sentence) => FirstMeasureFailed().IsMatch(sentence);
}
