using System.Text.RegularExpressions;

namespace RagApi.Knowledge.Answering.Composing.Selection;

/// <summary>
/// Sentences that say what their source covers or sets out to do ("The EAS statement gives guidance on ...", "The
/// criteria were developed at ...", "To determine whether ...", "We aimed to ..."): they state no finding, so they
/// answer a question about the source itself ("What did the 2020 update add?") and lead no other answer.
/// </summary>
public static partial class SourceDescription
{
    [GeneratedRegex(@"^(?:the|this|these|our|in\s+this|in\s+the)\s+(?:[\w/()-]+\s+){0,10}?(?:study|studies|trial|review|report|statements?|consensus|guidelines?|guidance|update|criteria|panel|task\s+force|paper|article|analysis|meta-analysis|survey|primer|document|recommendations)\b[^.]{0,80}?\b(?:aims?|aimed|was\s+designed|were\s+designed|was\s+developed|were\s+developed|describes?(?![^.]*\bas\b)|described(?![^.]*\bas\b)|covers?|covered|gives?\s+guidance|provides?\s+guidance|summari[sz]es?|reviews?|reviewed|revises?|presents?|examined|investigated|assessed|evaluated|sought|address(?:es|ed)|was\s+conducted|builds\s+on)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourceDoes();

    // A structured abstract's methods ("Methods: A total of 123 patients were recruited ...") say how, not what was found.
    [GeneratedRegex(@"^(?:(?:patients\s+and\s+|materials\s+and\s+)?methods|study\s+design|design|setting)\s*:|^(?:(?:objectives?|aims?|purpose|background|introduction)\s*:\s*)?(?:to\s+(?:determine|assess|evaluate|investigate|examine|compare|describe|identify|explore|test)|we\s+(?:aimed|sought|investigated|examined|assessed|evaluated|conducted|performed|studied|analy[sz]ed|hypothesi[sz]ed|set\s+out))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StudyAim();

    [GeneratedRegex(@"\b(?:guidelines?|guidance|update|updated|criteria|consensus|trial|study|statement|panel|task\s+force|review|report|say|says|cover|covers)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourceWord();

    public static bool Describes(string sentence)
    {
        var text = sentence.TrimStart();
        return SourceDoes().IsMatch(text) || StudyAim().IsMatch(text);
    }

    /// <summary>The question names the source's kind ("the guidance", "the MGTX trial", "the 2021 criteria"), so what the source covers may be its answer.</summary>
    public static bool IsAskedAbout(string question) => SourceWord().IsMatch(question);
}
