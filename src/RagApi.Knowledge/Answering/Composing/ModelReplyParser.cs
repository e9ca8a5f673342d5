using System.Text.RegularExpressions;
using RagApi.Knowledge.Text;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Models;

namespace RagApi.Knowledge.Answering.Composing;

public sealed record ParsedStatement(string Text, IReadOnlyList<int> Numbers);

public sealed record ParsedReply(bool InsufficientEvidence, IReadOnlyList<ParsedStatement> Statements, IReadOnlyList<string> FollowUpQuestions);

/// <summary>
/// Reads a plain-text reply: one statement per sentence with its [n] markers, FOLLOW-UP lines, or the
/// INSUFFICIENT EVIDENCE line. Plain text rather than JSON, so any OpenAI-compatible model can produce it.
/// </summary>
public static partial class ModelReplyParser
{
    public const string InsufficientEvidenceLine = "INSUFFICIENT EVIDENCE";
    private const string FollowUpPrefix = "FOLLOW-UP:";
    private const int MaxFollowUps = 3;

    [GeneratedRegex(@"\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\s*(?:[-*•]|\d+[.)])\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"([.!?])((?:\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+)")]
    private static partial Regex MarkersAfterStop();

    [GeneratedRegex(@"\s+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    public static ParsedReply Parse(string reply)
    {
        var statements = new List<ParsedStatement>();
        var followUps = new List<string>();
        foreach (var raw in reply.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith(FollowUpPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var question = line[FollowUpPrefix.Length..].Trim();
                if (question.Length > 0 && followUps.Count < MaxFollowUps) followUps.Add(question);
                continue;
            }
            if (line.Trim('.', '*', ' ').Equals(InsufficientEvidenceLine, StringComparison.OrdinalIgnoreCase)) continue;
            statements.AddRange(StatementsOf(Bullet().Replace(line, "")));
        }
        var insufficient = statements.Count == 0 && reply.Contains(InsufficientEvidenceLine, StringComparison.OrdinalIgnoreCase);
        return new ParsedReply(insufficient, statements, followUps);
    }

    private static IEnumerable<ParsedStatement> StatementsOf(string line)
    {
        // Markers often follow the full stop ("... in LEMS. [2] Next ..."): move them before it, into their sentence.
        line = MarkersAfterStop().Replace(line, m => $" {m.Groups[2].Value.Trim()}{m.Groups[1].Value}");
        foreach (var sentence in SentenceSplitter.Split(line).Select(s => s.Of(line)))
        {
            var numbers = Marker().Matches(sentence)
                .SelectMany(m => m.Groups[1].Value.Split(',', ';'))
                .Select(n => int.Parse(n.Trim(), System.Globalization.CultureInfo.InvariantCulture))
                .Distinct()
                .ToList();
            var text = SpaceBeforePunctuation().Replace(Marker().Replace(sentence, ""), "$1").Trim();
            if (text.Count(char.IsLetter) >= 3) yield return new ParsedStatement(text, numbers);
        }
    }
}
