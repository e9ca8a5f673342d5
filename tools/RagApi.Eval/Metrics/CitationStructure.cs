using System.Text.RegularExpressions;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Eval.Metrics;

/// <summary>
/// The citation rules of DESIGN.md, checked on any answer: every [n] resolves, numbers run 1..N in order of
/// first appearance, every citation is used, and every quote is a verbatim span of its passage.
/// </summary>
public static partial class CitationStructure
{
    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Marker();

    /// <summary>Each broken rule as a sentence; empty when the answer is structurally valid.</summary>
    public static IReadOnlyList<string> Problems(ClinicalAnswer answer)
    {
        var problems = new List<string>();
        var count = answer.Citations.Count;
        var inAnswer = Markers(answer.Answer);
        var statements = answer.Sections.SelectMany(s => s.Statements);
        if (answer.Lead is { } lead) statements = statements.Prepend(lead);
        var inStatements = statements
            .SelectMany(s => s.Citations.Concat(Markers(s.Text))).ToList();

        if (answer.InsufficientEvidence && (count > 0 || inAnswer.Count > 0))
            problems.Add("An insufficient-evidence answer cites sources.");
        for (var i = 0; i < count; i++)
            if (answer.Citations[i].Number != i + 1)
                problems.Add($"Citation at position {i + 1} is numbered {answer.Citations[i].Number}: numbers must run 1..{count} without gaps.");
        foreach (var n in inAnswer.Concat(inStatements).Distinct().Where(n => n < 1 || n > count))
            problems.Add($"Marker [{n}] resolves to no citation.");
        var firstAppearance = inAnswer.Distinct().ToList();
        if (!firstAppearance.SequenceEqual(Enumerable.Range(1, firstAppearance.Count)))
            problems.Add($"Markers appear in the order {string.Join(",", firstAppearance)}: numbers must follow first appearance.");
        foreach (var unused in Enumerable.Range(1, count).Except(inAnswer))
            problems.Add($"Citation {unused} is never used in the answer.");
        foreach (var unused in Enumerable.Range(1, count).Except(inStatements))
            problems.Add($"Citation {unused} is cited by no statement (lead or sections).");
        foreach (var c in answer.Citations)
        {
            if (string.IsNullOrWhiteSpace(c.Quote)) problems.Add($"Citation {c.Number} has an empty quote.");
            else if (!c.Passage.Contains(c.Quote, StringComparison.Ordinal)) problems.Add($"Citation {c.Number}'s quote is not verbatim in its passage.");
        }
        return problems;
    }

    public static bool HasDisclaimer(ClinicalAnswer answer, string? expectedDisclaimer = null)
    {
        var disclaimer = expectedDisclaimer ?? answer.Disclaimer;
        return !string.IsNullOrWhiteSpace(disclaimer)
            && answer.Disclaimer.Trim() == disclaimer.Trim()
            && answer.Answer.TrimEnd().EndsWith(disclaimer.Trim(), StringComparison.Ordinal);
    }

    private static List<int> Markers(string text) =>
        Marker().Matches(text).Select(m => int.TryParse(m.Groups[1].Value, out var n) ? n : -1).ToList();
}
