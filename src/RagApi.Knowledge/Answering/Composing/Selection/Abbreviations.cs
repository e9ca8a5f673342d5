using System.Text.RegularExpressions;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Answering.Composing.Selection;

/// <summary>
/// Abbreviations the retrieved passages define ("Lambert-Eaton myasthenic syndrome (LEMS)"), so that a sentence
/// saying "LEMS" names the subject a question spells out, and a question saying "LEMS" names it too.
/// </summary>
internal sealed partial class Abbreviations
{
    private readonly Dictionary<string, IReadOnlyList<string>> _longForms;

    private Abbreviations(Dictionary<string, IReadOnlyList<string>> longForms) => _longForms = longForms;

    /// <summary>Up to eight words, then an abbreviation in brackets with at least two capitals.</summary>
    [GeneratedRegex(@"((?:[A-Za-z][\w'’]*[\s-]+){1,8})\(([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)\)")]
    private static partial Regex Definition();

    public static Abbreviations Find(IEnumerable<string> texts)
    {
        var longForms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var text in texts)
            foreach (Match match in Definition().Matches(text))
            {
                var abbreviation = match.Groups[2].Value;
                var capitals = abbreviation.Where(char.IsUpper).Select(char.ToLowerInvariant).ToArray();
                var words = match.Groups[1].Value.Split([' ', '-', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
                if (words.Length < capitals.Length) continue;
                var longForm = words[^capitals.Length..];
                // The long form's words start with the abbreviation's capitals, in order: "voltage-gated calcium channels (VGCC)".
                if (!longForm.Select(w => char.ToLowerInvariant(w[0])).SequenceEqual(capitals)) continue;
                var terms = TextAnalyzer.Terms(abbreviation);
                if (terms.Count != 1) continue;
                longForms.TryAdd(terms[0], TextAnalyzer.Terms(string.Join(' ', longForm)));
            }
        return new Abbreviations(longForms);
    }

    /// <summary>The terms, each defined abbreviation followed by the terms of its long form.</summary>
    public IReadOnlyList<string> Expand(IReadOnlyList<string> terms)
    {
        if (_longForms.Count == 0 || !terms.Any(_longForms.ContainsKey)) return terms;
        var expanded = new List<string>(terms.Count + 4);
        foreach (var term in terms)
        {
            expanded.Add(term);
            if (_longForms.TryGetValue(term, out var longForm)) expanded.AddRange(longForm);
        }
        return expanded;
    }
}
