using System.Text.RegularExpressions;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Answering.Condensing;

/// <summary>
/// Makes a follow-up standalone without a language model: the topic of the conversation (what the last
/// question with a topic asked about, once its question words and aspect words are removed) replaces the
/// follow-up's pronoun, or is added when the follow-up names no topic of its own.
/// "And how is it treated?" after "What antibodies cause Lambert-Eaton syndrome?" becomes
/// "How is Lambert-Eaton syndrome treated?".
/// </summary>
internal static partial class QuestionCondenser
{
    private static readonly HashSet<string> Scaffolding = new(StringComparer.OrdinalIgnoreCase)
    {
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "is", "are", "was", "were", "be", "been",
        "do", "does", "did", "can", "could", "should", "would", "will", "may", "might", "must", "the", "a", "an", "and",
        "or", "of", "in", "on", "for", "to", "with", "by", "from", "about", "at", "as", "than", "that", "this", "these",
        "those", "it", "its", "they", "their", "them", "there", "i", "we", "you", "me", "us", "my", "our", "your", "tell",
        "explain", "describe", "list", "give", "please", "any", "some", "much", "many", "most", "more", "less", "usually",
        "typically", "generally", "also", "else", "other", "patient", "patients", "people", "someone", "person",
        "cause", "causes", "caused", "causing", "etiology", "aetiology", "mechanism", "mechanisms", "pathophysiology",
        "treat", "treated", "treating", "treatment", "treatments", "therapy", "therapies", "manage", "managed",
        "management", "diagnose", "diagnosed", "diagnosis", "diagnostic", "test", "tests", "testing", "tested",
        "screen", "screened", "screening", "prevalence", "incidence", "common", "frequent", "frequency", "often",
        "symptom", "symptoms", "sign", "signs", "feature", "features", "present", "presentation", "antibody",
        "antibodies", "prognosis", "outcome", "outcomes", "risk", "risks", "first-line", "second-line", "line", "first",
        "best", "recommended", "recommend", "recommendation", "recommendations", "guideline", "guidelines", "dose",
        "dosing", "drug", "drugs", "option", "options", "role", "evidence", "associated", "association", "linked",
        "criteria", "workup", "work-up", "imaging", "children", "pregnancy", "define", "defined", "definition",
        "mean", "means", "meant", "happen", "happens", "work", "works", "help", "helps", "effective", "use", "used",
        "need", "needed", "get", "gets", "have", "has", "had", "type", "types", "kind", "kinds", "related", "about",
        "so", "then", "now", "again", "next", "after", "before", "during", "between", "vs", "versus", "like", "look",
        "found", "seen", "occur", "occurs", "involved", "develop", "develops", "affect", "affects", "happen", "if", "not",
        "say", "says", "said", "managing", "treating", "diagnosing", "symptomatic", "long", "soon", "quickly", "far",
        "trigger", "triggers", "triggered", "receive", "receives", "received", "immunotherapy", "immunotherapies",
        "against", "mostly", "mainly", "called", "known",
    };

    /// <summary>
    /// A preposition that ties two parts of one name together ("the paraneoplastic form of stiff-person syndrome",
    /// "myasthenia gravis with acetylcholine receptor antibodies"); the topic keeps it rather than joining its parts
    /// with "in". Longer ties ("associated with") add words retrieval weighs, and are not kept.
    /// </summary>
    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase) { "of", "with" };

    /// <summary>A topic is a name, not a paragraph: a long history turn must not become the query.</summary>
    private const int MaxTopicWords = 8;

    /// <summary>How a topic's runs are joined ("cancer in LEMS"); "in" is scaffolding, so no run holds it.</summary>
    private const string TopicJoin = " in ";

    private static readonly string[] Anaphors = ["this condition", "the condition", "this syndrome", "the syndrome", "this disease", "the disease", "it", "they", "them", "this", "that"];

    [GeneratedRegex(@"^\s*(and|so|also|but|ok|okay|then)\b[\s,]*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingConjunction();

    [GeneratedRegex(@"^\s*(and\b|what about\b|how about\b|what of\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ContinuationOpening();

    /// <summary>A word, with the commas inside a chemical name ("3,4-diaminopyridine").</summary>
    [GeneratedRegex(@"[\p{L}\p{N}](?:[\p{L}\p{N}'’\-/]|,(?=\d))*")]
    private static partial Regex Word();

    public static string Condense(string question, IReadOnlyList<ConversationTurn> history)
    {
        if (history.Count == 0) return question.Trim();
        var continues = ContinuationOpening().IsMatch(question);
        var followUp = Capitalize(LeadingConjunction().Replace(question.Trim(), ""));
        var topic = history.Where(t => t.Role == ConversationTurn.User).Reverse().Select(t => TopicOf(t.Content)).FirstOrDefault(t => t.Length > 0);
        if (!NamesTheSubjectByItsKind(followUp) && AnsweredEntity(history) is var (kind, entity)) topic = WithEntity(topic ?? "", kind, entity);
        if (string.IsNullOrEmpty(topic) || followUp.Contains(topic, StringComparison.OrdinalIgnoreCase)) return followUp;

        foreach (var anaphor in Anaphors)
        {
            var pattern = new Regex($@"\b{Regex.Escape(anaphor)}\b(?!\s+(?:is|are)\s+(?:a|an|the)\b)", RegexOptions.IgnoreCase);
            if (pattern.IsMatch(followUp)) return pattern.Replace(followUp, topic, 1);
        }
        var possessive = new Regex(@"\b(its|their)\b", RegexOptions.IgnoreCase);
        if (possessive.IsMatch(followUp)) return possessive.Replace(followUp, $"{topic}'s", 1);
        if (!continues && NamesItsOwnSubject(followUp, history)) return followUp;
        if (Narrowed(followUp, topic) is { } narrowed) return narrowed;
        return $"{followUp.TrimEnd('?', '.', ' ')}{TopicJoin}{topic}?";
    }

    [GeneratedRegex(@"^\s*(?:which|what)\s+(?:(?:is|are|was|were)\s+(?:the\s+)?)?(?:[\p{L}-]+\s+)?(drugs?|medications?|treatments?|therap(?:y|ies)|antibod(?:y|ies)|tumou?rs?|cancers?|tests?|markers?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForAKind();

    /// <summary>A reply that names what was asked for opens with it, in a few words ("Thymoma, in roughly one in ten patients.").</summary>
    private const int MaxEntityWords = 6;

    /// <summary>
    /// What the assistant named when the last question asked for a thing by its kind: "Which tumour is associated with
    /// myasthenia gravis?" answered "Thymoma, in roughly one in ten patients." names thymoma, and "Should it be
    /// removed?" asks about thymoma. Null when the last question asked for no kind of thing, or its reply does not open
    /// with a short clause naming one (a whole answer is not a name).
    /// </summary>
    private static (string Kind, string Entity)? AnsweredEntity(IReadOnlyList<ConversationTurn> history)
    {
        var asked = history.Select((t, i) => (Turn: t, Index: i)).LastOrDefault(t => t.Turn.Role == ConversationTurn.User);
        if (asked.Turn is null || asked.Index + 1 >= history.Count || history[asked.Index + 1].Role != ConversationTurn.Assistant) return null;
        if (AsksForAKind().Match(asked.Turn.Content) is not { Success: true } kind) return null;
        var clause = ReplyOpening().Match(history[asked.Index + 1].Content).Value;
        var words = Words(clause);
        if (words.Count is 0 or > MaxEntityWords) return null;
        var named = LongestFirst(words).Select(r => string.Join(' ', r.Of(words))).FirstOrDefault();
        return named is null ? null : (kind.Groups[1].Value, AsWritten(named));
    }

    /// <summary>The reply up to its first clause break: ", " or the end of its first sentence.</summary>
    [GeneratedRegex(@"^[^\n]*?(?=,\s|\.(?:\s|$)|;|$)")]
    private static partial Regex ReplyOpening();

    /// <summary>
    /// The thing named leads the topic when the topic lacks it: "What is the symptomatic drug for LEMS?" leaves only
    /// "LEMS", so the drug the reply named is added. A topic that keeps the kind asked for ("cancer in LEMS") already
    /// names what the follow-up refers to, and stays as it is: the reply's name for it ("small-cell lung cancer")
    /// measured worse (the screening answer then drew on general SCLC sentences).
    /// </summary>
    private static string WithEntity(string topic, string kind, string entity)
    {
        if (Regex.IsMatch(topic, $@"\b{Regex.Escape(kind)}\b", RegexOptions.IgnoreCase)) return topic;
        return topic.Length == 0 ? entity : $"{entity}{TopicJoin}{topic}";
    }

    /// <summary>A sentence's first word is capitalised as a sentence, not as a name: "Thymoma" is "thymoma" mid-question, "LEMS" stays.</summary>
    private static string AsWritten(string words) =>
        words.Length > 1 && char.IsUpper(words[0]) && char.IsLower(words[1]) ? char.ToLowerInvariant(words[0]) + words[1..] : words;

    /// <summary>
    /// A follow-up that names the topic's head noun without its modifiers asks about that same thing: "What does a
    /// high score mean?" after "What is the DELTA-P score in LEMS?" asks what a high DELTA-P score means in LEMS. The
    /// modifiers go before the shared noun and the topic's other runs after the question. Null when no run of the
    /// topic ends in a noun the follow-up names.
    /// </summary>
    private static string? Narrowed(string followUp, string topic)
    {
        var runs = topic.Split(TopicJoin);
        for (var r = 0; r < runs.Length; r++)
        {
            var words = runs[r].Split(' ');
            // A topic kept as written ("paraneoplastic form of stiff-person syndrome") is a name, not a noun and its modifiers.
            if (words.Length < 2 || words.Any(Connectors.Contains)) continue;
            var head = new Regex($@"\b{Regex.Escape(words[^1])}\b", RegexOptions.IgnoreCase);
            if (!head.IsMatch(followUp)) continue;
            var modifiers = string.Join(' ', words[..^1]);
            var named = head.Replace(followUp, m => $"{modifiers} {m.Value}", 1);
            var rest = runs.Where((_, i) => i != r).ToList();
            return rest.Count == 0 ? named : $"{named.TrimEnd('?', '.', ' ')}{TopicJoin}{string.Join(TopicJoin, rest)}?";
        }
        return null;
    }

    /// <summary>
    /// A follow-up moves to a subject of its own when it names one the conversation has not: a name or an
    /// abbreviation ("Guillain-Barré syndrome", "MG") or a disease ("dermatomyositis", "thymoma"). "What does a
    /// high score mean?" and "What is the dose of the immunoglobulin?" name only what the conversation is already
    /// about, so its topic is added.
    /// </summary>
    private static bool NamesItsOwnSubject(string followUp, IReadOnlyList<ConversationTurn> history)
    {
        var said = string.Join(' ', history.Select(t => t.Content));
        var first = Word().Match(followUp).Value;
        var words = Word().Matches(TopicOf(followUp)).Select(m => m.Value).ToList();
        // Whole words only: "MG" is not said by "2 mg/kg".
        bool Unsaid(string phrase) => !WholeWords.Contain(said, phrase, StringComparison.OrdinalIgnoreCase);
        // A disease is named with the word before it: "stiff-person syndrome" is new after "Lambert-Eaton myasthenic syndrome".
        return words.Select((w, i) =>
                IsName(w, w == first) && Unsaid(w)
                || DiseaseEnding().IsMatch(w) && !RefersBack(followUp, w) && Unsaid(i > 0 ? $"{words[i - 1]} {w}" : w))
            .Any(isNew => isNew);
    }

    /// <summary>
    /// "the neurological syndrome", "the tumour": a disease named by its kind after "the" (one plain word between at
    /// most) is the one the conversation is about, not a new subject.
    /// </summary>
    private static bool RefersBack(string followUp, string diseaseWord) =>
        Regex.IsMatch(followUp, $@"\b[Tt]he\s+(?:[a-z][a-z-]*\s+)?{Regex.Escape(diseaseWord)}\b");

    /// <summary>"Does the neurological syndrome come first?" is about the conversation's subject, not about the thing a reply named.</summary>
    private static bool NamesTheSubjectByItsKind(string followUp) =>
        Word().Matches(followUp).Any(m => DiseaseEnding().IsMatch(m.Value) && RefersBack(followUp, m.Value));

    /// <summary>The question's first word is capitalised as a sentence, not as a name.</summary>
    private static bool IsName(string word, bool opensSentence) => opensSentence ? word.Skip(1).Any(char.IsUpper) : word.Any(char.IsUpper);

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex BracketedAside();

    [GeneratedRegex(@"(?:itis|osis|oma|omas|emia|aemia|pathy|algia|plegia|trophy|syndrome|disease|cancer|carcinoma|tumou?r|infection|disorder)$", RegexOptions.IgnoreCase)]
    private static partial Regex DiseaseEnding();

    /// <summary>
    /// What a question is about: its longest run (in letters) of words that are neither question scaffolding nor an
    /// aspect asked about, joined with the second longest when there is one ("Which cancer is associated with LEMS?"
    /// is about "cancer in LEMS", "What is the DELTA-P score in LEMS?" about "DELTA-P score in LEMS").
    /// </summary>
    public static string TopicOf(string question)
    {
        var words = Words(question);
        var longest = LongestFirst(words).Take(2).ToList();
        // The longest run is the topic; the second joins only while the topic stays a name, not a paragraph.
        var kept = longest.Take(1).Concat(longest.Skip(1).Where(r => longest[0].Length + r.Length <= MaxTopicWords)).OrderBy(r => r.Start).ToList();
        string Part(Run r) => string.Join(' ', r.Of(words).Take(MaxTopicWords));
        if (kept.Count < 2) return kept.Count == 0 ? "" : Part(kept[0]);
        var between = words.Skip(kept[0].End).Take(kept[1].Start - kept[0].End).ToList();
        var joined = between is [var connector] && Connectors.Contains(connector) ? $" {connector} " : TopicJoin;
        return $"{Part(kept[0])}{joined}{Part(kept[1])}";
    }

    /// <summary>
    /// The question's runs of words that are neither question scaffolding nor an aspect asked about, in order:
    /// "Which cancer is associated with LEMS?" has "cancer" and "LEMS".
    /// </summary>
    public static List<List<string>> TopicRuns(string question)
    {
        var words = Words(question);
        return Runs(words).Select(r => r.Of(words).ToList()).ToList();
    }

    /// <summary>A bracketed aside glosses a word ("paraneoplastic (related to cancer) muscle weakness"); it is not the topic.</summary>
    private static List<string> Words(string question) =>
        Word().Matches(BracketedAside().Replace(question, " ")).Select(m => m.Value).ToList();

    /// <summary>A run of words that are not scaffolding: where it starts among the question's words, and how many it has.</summary>
    private readonly record struct Run(int Start, int Length)
    {
        public int End => Start + Length;

        public IEnumerable<string> Of(List<string> words) => words.Skip(Start).Take(Length);
    }

    /// <summary>The runs, the longest (in letters) first; runs of equal length keep their order.</summary>
    private static List<Run> LongestFirst(List<string> words) => Runs(words).OrderByDescending(r => Letters(r.Of(words))).ToList();

    private static List<Run> Runs(List<string> words)
    {
        var runs = new List<Run>();
        for (var i = 0; i < words.Count; i++)
        {
            if (Scaffolding.Contains(words[i])) continue;
            var start = i;
            while (i + 1 < words.Count && !Scaffolding.Contains(words[i + 1])) i++;
            runs.Add(new Run(start, i - start + 1));
        }
        return runs;
    }

    /// <summary>A word that names a disease by its ending ("myositis", "thymoma", "neuropathy", "syndrome").</summary>
    public static bool NamesADisease(string word) => DiseaseEnding().IsMatch(word);

    private static int Letters(IEnumerable<string> words) => words.Sum(w => w.Length);

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
