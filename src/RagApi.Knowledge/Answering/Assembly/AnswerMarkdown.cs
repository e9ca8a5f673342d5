using System.Text;

namespace RagApi.Knowledge.Answering.Assembly;

/// <summary>
/// The Markdown `answer`, following the structured fields: the lead paragraph, `### From the Guidelines` and
/// `### From the Research` with `#### Heading` over each group of statements, bullets with [n] markers, the
/// references and the disclaimer.
/// </summary>
internal sealed class AnswerMarkdown(AnswerTexts texts)
{
    public string InsufficientEvidence() => $"{texts.InsufficientEvidence}\n\n{DisclaimerBlock()}";

    public string Answer(AnswerStatement? lead, IReadOnlyList<AnswerSection> sections, IReadOnlyList<AnswerCitation> citations)
    {
        var markdown = new StringBuilder();
        if (lead is not null) markdown.Append(lead.Text).Append(' ').Append(AnswerAssembler.Markers(lead.Citations)).Append("\n\n");
        foreach (var section in sections)
        {
            markdown.Append("### ").Append(section.Title).Append("\n\n");
            string? heading = null;
            for (var i = 0; i < section.Statements.Count; i++)
            {
                var statement = section.Statements[i];
                if (statement.Heading is not null && (i == 0 || !string.Equals(statement.Heading, heading, StringComparison.Ordinal)))
                    markdown.Append(i == 0 ? "" : "\n").Append("#### ").Append(statement.Heading).Append("\n\n");
                heading = statement.Heading;
                markdown.Append("- ").Append(statement.Text).Append(' ').Append(AnswerAssembler.Markers(statement.Citations)).Append('\n');
            }
            markdown.Append('\n');
        }
        markdown.Append("### References\n\n");
        foreach (var c in citations)
        {
            var reference = string.IsNullOrWhiteSpace(c.Citation) ? $"{c.Title}. {c.Source} {c.Year}".Trim() : c.Citation;
            markdown.Append(c.Number).Append(". ").Append(reference);
            if (c.Section.Length > 0) markdown.Append(" Section: ").Append(c.Section).Append('.');
            if (!string.IsNullOrWhiteSpace(c.Url)) markdown.Append(" <").Append(c.Url).Append('>');
            markdown.Append('\n');
        }
        return markdown.Append('\n').Append(DisclaimerBlock()).ToString();
    }

    private string DisclaimerBlock() => $"---\n\n**Professional medical disclaimer.** {texts.Disclaimer}";
}
