using System.Text.RegularExpressions;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Answering.Composing;

/// <summary>
/// Suggests the questions a clinician would ask next: about the conversation's subject (the question once its
/// question and aspect words are removed), on the aspects the cited documents have a section about (Diagnosis,
/// Treatment, Prognosis, ...) that neither the question asked about nor the answer drew on.
/// "How is Lambert-Eaton myasthenic syndrome diagnosed?", never a document's title.
/// </summary>
internal static partial class FollowUpQuestions
{
    /// <summary>An aspect a section heading or a question can be about, the word stems that name it, and how a clinician asks about it.</summary>
    private sealed record Aspect(string Name, string[] Stems, string Template)
    {
        public string AskAbout(string subject) => Template.Replace("{subject}", subject, StringComparison.Ordinal);
    }

    private static readonly Aspect[] Aspects =
    [
        new("treatment", ["treat", "therap", "manag", "drug", "pharmacolog", "dose", "dosing", "intervention"], "How is {subject} treated?"),
        new("diagnosis", ["diagnos", "investigat", "test", "criteri", "electrodiagnos", "electromyograph", "workup", "work-up", "recogni"], "How is {subject} diagnosed?"),
        new("screening", ["screen"], "Which screening is recommended in {subject}?"),
        new("cancer", ["tumour", "tumor", "cancer", "malignan", "neoplas"], "Which cancers are associated with {subject}?"),
        new("antibodies", ["antibod", "serolog", "onconeural"], "Which antibodies are found in {subject}?"),
        new("cause", ["caus", "etiolog", "aetiolog", "mechanis", "pathogen", "pathophysiolog", "trigger"], "What causes {subject}?"),
        new("features", ["feature", "presentation", "symptom", "sign", "manifestation"], "How does {subject} present?"),
        new("prognosis", ["prognos", "outcome", "surviv", "course"], "What is the prognosis of {subject}?"),
        new("epidemiology", ["epidemiolog", "prevalen", "incidence", "frequen"], "How common is {subject}?"),
        new("risk factors", ["risk"], "What are the risk factors for {subject}?"),
        new("definition", ["defin"], "How is {subject} defined?"),
        new("prevention", ["prevent"], "How can {subject} be prevented?"),
        new("surgery", ["surg", "thymectom", "resection"], "What is the role of surgery in {subject}?"),
    ];

    [GeneratedRegex(@"[\p{L}][\p{L}\-]*")]
    private static partial Regex Word();

    /// <param name="question">The standalone question; without one the subject is read from the best cited document's title.</param>
    public static IReadOnlyList<string> FromSections(IReadOnlyList<RetrievedPassage> passages, IReadOnlyList<DraftStatement> statements, int max, string? question = null)
    {
        var cited = statements.SelectMany(s => s.Evidence).Select(e => e.Passage.Chunk).ToList();
        if (cited.Count == 0 || max <= 0) return [];
        var subject = SubjectOf(question, cited);
        if (subject.Length == 0) return [];

        // Many passages share a section: each heading is read once.
        var byHeading = new Dictionary<string, List<Aspect>>(StringComparer.Ordinal);
        List<Aspect> HeadingAspects(Chunk chunk)
        {
            var heading = HeadingOf(chunk);
            return byHeading.TryGetValue(heading, out var known) ? known : byHeading[heading] = AspectsOf(heading).ToList();
        }
        var done = AspectsOf(question ?? "")
            .Concat(cited.SelectMany(HeadingAspects))
            .Concat(statements.SelectMany(s => AspectsOf(s.Heading ?? "")))
            .ToHashSet();
        var citedDocuments = cited.Select(c => c.DocumentId).ToHashSet(StringComparer.Ordinal);
        return passages
            .Select(p => p.Chunk)
            .Where(c => citedDocuments.Contains(c.DocumentId))
            .SelectMany(HeadingAspects)
            .Where(a => !done.Contains(a))
            .Distinct()
            .Take(max)
            .Select(a => a.AskAbout(subject))
            .ToList();
    }

    /// <summary>
    /// The condition the conversation is about, as the question names it and the cited sources print it (whole, or its
    /// condition whole and each qualifier the question adds as a word): the longest
    /// run of the question's topic words (or of the best cited title before its colon) ending in a disease's name
    /// ("anti-Hu paraneoplastic encephalomyelitis", "myasthenia gravis") or, failing one, an abbreviation ("LEMS").
    /// Empty when the question names none, since "How is strongly in cachexia treated?" is worse than no suggestion.
    /// </summary>
    private static string SubjectOf(string? question, IReadOnlyList<Chunk> cited)
    {
        var text = string.IsNullOrWhiteSpace(question) ? cited[0].Document.Title.Split(':')[0] : question;
        var sources = string.Join('\n', cited.Select(c => c.Document.Title).Concat(cited.Select(c => c.Text)).Distinct(StringComparer.Ordinal));
        bool Printed(string phrase) => WholeWords.Contain(sources, phrase, StringComparison.OrdinalIgnoreCase);
        // The question's own qualifiers of a condition the sources name stay ("paraneoplastic muscle weakness" where
        // the sources print "muscle weakness" and "paraneoplastic" apart), so the suggestion keeps the doctor's subject.
        bool Named(List<string> words) =>
            Printed(string.Join(' ', words)) ||
            Enumerable.Range(1, words.Count - 1).Any(at => ConditionKind(words[at..]) > 0 && Printed(string.Join(' ', words[at..])) && words[..at].All(Printed));
        return QuestionCondenser.TopicRuns(text)
            .SelectMany(run => run.Select((_, from) => run.Skip(from).ToList()))
            .Select(words => (Words: words, Kind: ConditionKind(words)))
            .Where(p => p.Kind > 0 && Named(p.Words))
            .Select(p => (Phrase: string.Join(' ', p.Words), p.Kind))
            .OrderByDescending(p => p.Kind)
            .ThenByDescending(p => p.Phrase.Length)
            .Select(p => p.Phrase)
            .FirstOrDefault() ?? "";
    }

    /// <summary>
    /// 3: a named disease ("cancer cachexia", "Guillain-Barré syndrome"); 2: a kind of disease with plain words before
    /// it ("advanced cancer", which loses to "cachexia" in "How common is cachexia in advanced cancer?"); 1: an
    /// abbreviation ("LEMS", "GBS"); 0: neither, or a bare kind ("tumour").
    /// </summary>
    private static int ConditionKind(List<string> words)
    {
        var last = words[^1];
        if (GenericKinds.Contains(last)) return words.Count == 1 ? 0 : words.Any(w => w.Any(char.IsUpper)) ? 3 : 2;
        if (QuestionCondenser.NamesADisease(last) || ConditionEnding().IsMatch(last)) return 3;
        return words.Count == 1 && last.Length >= 2 && last.All(c => char.IsUpper(c) || char.IsDigit(c)) && last.Any(char.IsLetter) ? 1 : 0;
    }

    private static readonly HashSet<string> GenericKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "cancer", "tumour", "tumor", "syndrome", "syndromes", "disease", "disorder", "disorders", "infection", "carcinoma",
    };

    /// <summary>Disease names the condenser's endings miss: "myasthenia gravis", "cachexia", "sarcopenia", "muscle weakness".</summary>
    [GeneratedRegex(@"(?:gravis|exia|penia|tonia|weakness|diseases|neuropathies)$", RegexOptions.IgnoreCase)]
    private static partial Regex ConditionEnding();

    private static string HeadingOf(Chunk chunk)
    {
        var heading = chunk.SectionPath.Split(" > ")[^1];
        return heading.Equals(chunk.Document.Title, StringComparison.OrdinalIgnoreCase) ? "" : heading;
    }

    /// <summary>The aspects a heading or question names, in the order of the catalogue.</summary>
    private static IEnumerable<Aspect> AspectsOf(string text)
    {
        var words = Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();
        return Aspects.Where(a => words.Any(w => a.Stems.Any(stem => w.StartsWith(stem, StringComparison.Ordinal))));
    }
}
