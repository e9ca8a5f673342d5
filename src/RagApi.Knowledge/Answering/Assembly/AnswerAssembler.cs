using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;

namespace RagApi.Knowledge.Answering.Assembly;

/// <summary>
/// Turns any composer's draft into the contract: the lead statement first, then guideline statements under their
/// own heading before research, statements of one aspect kept together under their sub-heading, citations numbered
/// by first appearance (lead first) with no gaps, each with its verbatim quote, and the disclaimer appended.
/// </summary>
public sealed class AnswerAssembler(AnswerTexts texts)
{
    private static readonly (DocumentKind Kind, string Title)[] SectionOrder =
        [(DocumentKind.Guideline, SectionTitles.Guidelines), (DocumentKind.Research, SectionTitles.Research)];

    public ClinicalAnswer Assemble(string id, string question, string standaloneQuestion, string generator, DraftAnswer draft)
    {
        var numbering = new CitationNumbering();
        var lead = draft.Lead is { Evidence.Count: > 0 } l ? l : null;
        var answerLead = lead is null ? null : Statement(lead, numbering);
        var sections = new List<AnswerSection>();
        foreach (var (kind, title) in SectionOrder)
        {
            var statements = GroupedByHeading(draft.Statements
                    .Where(s => s.Evidence.Count > 0 && s.Evidence[0].Passage.Chunk.Document.Kind == kind)
                    .Where(s => lead is null || !string.Equals(s.Text, lead.Text, StringComparison.Ordinal)))
                .Select(s => Statement(s, numbering))
                .ToList();
            if (statements.Count > 0) sections.Add(new AnswerSection(title, statements));
        }
        var markdown = new AnswerMarkdown(texts);
        if (answerLead is null && sections.Count == 0)
            return new ClinicalAnswer(id, question, standaloneQuestion, generator, true,
                markdown.InsufficientEvidence(), [], [], texts.Disclaimer, []);
        return new ClinicalAnswer(id, question, standaloneQuestion, generator, false,
            markdown.Answer(answerLead, sections, numbering.Citations), sections, numbering.Citations, texts.Disclaimer, draft.FollowUpQuestions)
        {
            Lead = answerLead,
        };
    }

    /// <summary>Statements of one aspect stay together, groups in the order their first statement came in the draft.</summary>
    private static IEnumerable<DraftStatement> GroupedByHeading(IEnumerable<DraftStatement> statements) =>
        statements
            .Select(s => s with { Heading = HeadingOf(s.Heading) })
            .GroupBy(s => s.Heading ?? "", StringComparer.OrdinalIgnoreCase)
            .SelectMany(g => g.Select(s => s with { Heading = g.First().Heading }));

    private static string? HeadingOf(string? heading) =>
        string.IsNullOrWhiteSpace(heading) ? null : string.Join(' ', heading.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static AnswerStatement Statement(DraftStatement statement, CitationNumbering numbering) =>
        new(statement.Text, statement.Evidence.Select(numbering.NumberOf).Distinct().ToList(), statement.Heading);

    public static string Markers(IEnumerable<int> numbers) => string.Concat(numbers.Select(n => $"[{n}]"));

    /// <summary>One number per (passage, sentence), given in the order the answer first cites it.</summary>
    private sealed class CitationNumbering
    {
        private readonly Dictionary<(string ChunkId, int Start, int Length), int> _numbers = [];
        private readonly List<AnswerCitation> _citations = [];

        public IReadOnlyList<AnswerCitation> Citations => _citations;

        public int NumberOf(Evidence evidence)
        {
            var chunk = evidence.Passage.Chunk;
            var key = (chunk.ChunkId, evidence.Quote.Start, evidence.Quote.Length);
            if (_numbers.TryGetValue(key, out var number)) return number;
            number = _citations.Count + 1;
            _numbers[key] = number;
            var d = chunk.Document;
            _citations.Add(new AnswerCitation(number, d.Id, chunk.ChunkId, d.Title, d.Source, d.Kind.ToName(), d.Year, CitationUrl.For(d.Url, chunk.Page, chunk.Anchor),
                d.Citation, SectionOf(chunk), chunk.Text, evidence.QuoteText, evidence.Score) { Page = chunk.Page });
            return number;
        }

        private static string SectionOf(Chunk chunk)
        {
            var heading = chunk.SectionPath.Split(" > ")[^1];
            return heading == chunk.Document.Title ? "" : heading;
        }
    }
}
