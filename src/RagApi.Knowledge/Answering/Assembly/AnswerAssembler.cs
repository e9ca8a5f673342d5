using System.Text;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Knowledge.Answering.Assembly;

/// <summary>
/// Turns any composer's draft into the contract: guideline statements first under their own heading, citations
/// numbered by first appearance with no gaps, each with its verbatim quote, and the disclaimer appended.
/// </summary>
public sealed class AnswerAssembler(AnswerTexts texts)
{
    public ClinicalAnswer Assemble(string id, string question, string standaloneQuestion, string generator, DraftAnswer draft)
    {
        var citations = new List<AnswerCitation>();
        var numbers = new Dictionary<(string ChunkId, int Start, int Length), int>();
        var sections = new List<AnswerSection>();
        foreach (var (kind, title) in new[] { (DocumentKind.Guideline, SectionTitles.Guidelines), (DocumentKind.Research, SectionTitles.Research) })
        {
            var statements = draft.Statements
                .Where(s => s.Evidence.Count > 0 && s.Evidence[0].Passage.Chunk.Document.Kind == kind)
                .Select(s => new AnswerStatement(s.Text, s.Evidence.Select(e => NumberOf(e, citations, numbers)).Distinct().ToList()))
                .ToList();
            if (statements.Count > 0) sections.Add(new AnswerSection(title, statements));
        }
        if (sections.Count == 0)
            return new ClinicalAnswer(id, question, standaloneQuestion, generator, true,
                $"{texts.InsufficientEvidence}\n\n{DisclaimerBlock()}", [], [], texts.Disclaimer, []);
        return new ClinicalAnswer(id, question, standaloneQuestion, generator, false,
            Markdown(sections, citations), sections, citations, texts.Disclaimer, draft.FollowUpQuestions);
    }

    private static int NumberOf(Evidence evidence, List<AnswerCitation> citations, Dictionary<(string, int, int), int> numbers)
    {
        var chunk = evidence.Passage.Chunk;
        var key = (chunk.ChunkId, evidence.Quote.Start, evidence.Quote.Length);
        if (numbers.TryGetValue(key, out var number)) return number;
        number = citations.Count + 1;
        numbers[key] = number;
        var d = chunk.Document;
        citations.Add(new AnswerCitation(number, d.Id, chunk.ChunkId, d.Title, d.Source, d.Kind.ToName(), d.Year, PageUrl(d.Url, chunk.Page),
            d.Citation, SectionOf(chunk), chunk.Text, evidence.QuoteText, evidence.Score) { Page = chunk.Page });
        return number;
    }

    private string Markdown(IReadOnlyList<AnswerSection> sections, IReadOnlyList<AnswerCitation> citations)
    {
        var markdown = new StringBuilder();
        foreach (var section in sections)
        {
            markdown.Append("## ").Append(section.Title).Append("\n\n");
            foreach (var statement in section.Statements)
                markdown.Append("- ").Append(statement.Text).Append(' ').Append(Markers(statement.Citations)).Append('\n');
            markdown.Append('\n');
        }
        markdown.Append("## References\n\n");
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

    private static string SectionOf(Ingestion.Chunking.Chunk chunk)
    {
        var heading = chunk.SectionPath.Split(" > ")[^1];
        return heading == chunk.Document.Title ? "" : heading;
    }

    /// <summary>PDF viewers open <c>#page=N</c> at that page (RFC 8118), so the link lands where the quote is.</summary>
    private static string PageUrl(string url, int? page) =>
        page is { } n && !string.IsNullOrWhiteSpace(url) ? $"{url.Split('#')[0]}#page={n}" : url;

    public static string Markers(IEnumerable<int> numbers) => string.Concat(numbers.Select(n => $"[{n}]"));

    private string DisclaimerBlock() => $"---\n\n**Professional medical disclaimer.** {texts.Disclaimer}";
}

/// <summary>Texts written for this project and kept in prompts/, loaded once at start.</summary>
public sealed record AnswerTexts(string Disclaimer, string InsufficientEvidence)
{
    public const string DisclaimerFile = "disclaimer.md";
    public const string InsufficientEvidenceFile = "insufficient-evidence.md";

    public static AnswerTexts Load(string promptsFolder)
    {
        string Read(string name)
        {
            var path = Path.Combine(promptsFolder, name);
            if (!File.Exists(path)) throw new FileNotFoundException($"The prompt file '{path}' is missing; set Prompts:Path to the prompts folder.", path);
            var text = File.ReadAllText(path).Trim();
            if (text.Length == 0) throw new InvalidDataException($"The prompt file '{path}' is empty.");
            return text;
        }
        return new AnswerTexts(Read(DisclaimerFile), Read(InsufficientEvidenceFile));
    }
}
