using System.Text.RegularExpressions;

namespace RagApi.Knowledge.Answering.Composing.Selection;

/// <summary>
/// Sentences that say what the subject is ("Lambert-Eaton myasthenic syndrome (LEMS) is an autoimmune disorder of
/// the neuromuscular junction ..."): they restate the subject rather than answer another aspect asked about it.
/// </summary>
public static partial class SubjectDefinition
{
    [GeneratedRegex(@"^[^,;:]{0,120}?\b(?:is|are)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,6}?(?:disorder|disease|syndrome|condition|myopathy|neuropathy|group|form|entity)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClassifiesItsSubject();

    public static bool Holds(string sentence) => ClassifiesItsSubject().IsMatch(sentence);
}
