using System.Text.RegularExpressions;
using RagApi.Knowledge.Models;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Answering.Composing;

public sealed record ParsedStatement(string Text, IReadOnlyList<int> Numbers);

internal sealed record ParsedReply(bool InsufficientEvidence, IReadOnlyList<ParsedStatement> Statements, IReadOnlyList<string> FollowUpQuestions);

/// <summary>
/// Reads a plain-text reply: one statement per sentence with its [n] markers, FOLLOW-UP lines, or the
/// INSUFFICIENT EVIDENCE line. Plain text rather than JSON, so any OpenAI-compatible model can produce it. Models
/// drift from the format, so it also takes reasoning blocks (dropped), a preamble ending in a colon (dropped), a
/// reason after INSUFFICIENT EVIDENCE (not a statement), bold or bulleted FOLLOW-UP lines and other citation styles.
/// </summary>
internal static partial class ModelReplyParser
{
    public const string InsufficientEvidenceLine = "INSUFFICIENT EVIDENCE";
    private const int MaxFollowUps = 3;

    [GeneratedRegex(@"^\s*(?:[-*•+]|\d+[.)])\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\W*follow[\s-]?ups?(?:\s+questions?)?\W*?:\**\s*", RegexOptions.IgnoreCase)]
    private static partial Regex FollowUpPrefix();

    [GeneratedRegex(@"^\W*insufficient\s+evidence\b", RegexOptions.IgnoreCase)]
    private static partial Regex InsufficientEvidence();

    [GeneratedRegex(@"([.!?])((?:\s*\[[\d,]+\])+)")]
    private static partial Regex MarkersAfterStop();

    [GeneratedRegex(@"\s+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    public static ParsedReply Parse(string reply) => Parse(reply, ModelFinish.Stop);

    /// <param name="finish">When the token limit cut the reply, its unfinished last line is dropped.</param>
    public static ParsedReply Parse(string reply, ModelFinish finish)
    {
        var text = ReasoningText.Strip(reply).ReplaceLineEndings("\n");
        var lines = text.Split('\n').ToList();
        if (finish == ModelFinish.Length && lines.Count > 0) lines.RemoveAt(lines.Count - 1);
        var reader = new LineReader();
        foreach (var line in lines) reader.Read(line);
        return reader.Reply;
    }

    /// <summary>Reads a reply line by line, as it is streamed; <see cref="Read"/> returns the statements that line completed.</summary>
    public sealed class LineReader
    {
        private readonly List<ParsedStatement> _statements = [];
        private readonly List<string> _followUps = [];
        private bool _insufficient;

        public ParsedReply Reply => new(_insufficient && _statements.Count == 0, _statements, _followUps);

        public IReadOnlyList<ParsedStatement> Read(string raw)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("---", StringComparison.Ordinal)) return [];
            var unbulleted = Bullet().Replace(line, "");
            if (FollowUpPrefix().Match(unbulleted) is { Success: true } followUp)
            {
                var question = unbulleted[followUp.Length..].Trim().Trim('*').Trim();
                if (question.Length > 0 && _followUps.Count < MaxFollowUps) _followUps.Add(question);
                return [];
            }
            // What follows the INSUFFICIENT EVIDENCE line is the model's reason, not something to show as fact.
            if (_insufficient || InsufficientEvidence().IsMatch(unbulleted))
            {
                _insufficient = true;
                return [];
            }
            var normalised = CitationMarkers.Normalise(unbulleted);
            // A preamble ("Based on the passages, here is the answer:") introduces; it states nothing.
            if (normalised.TrimEnd('*', ' ').EndsWith(':') && CitationMarkers.NumbersIn(normalised).Count == 0) return [];
            var found = StatementsOf(normalised.Replace("**", "")).ToList();
            _statements.AddRange(found);
            return found;
        }
    }

    private static IEnumerable<ParsedStatement> StatementsOf(string line)
    {
        // Markers often follow the full stop ("... in LEMS. [2] Next ..."): move them before it, into their sentence.
        line = MarkersAfterStop().Replace(line, m => $" {m.Groups[2].Value.Trim()}{m.Groups[1].Value}");
        foreach (var sentence in SentenceSplitter.Split(line).Select(s => s.Of(line)))
        {
            var numbers = CitationMarkers.NumbersIn(sentence);
            var text = SpaceBeforePunctuation().Replace(CitationMarkers.Remove(sentence), "$1").Trim();
            if (text.Count(char.IsLetter) >= 3) yield return new ParsedStatement(text, numbers);
        }
    }
}
