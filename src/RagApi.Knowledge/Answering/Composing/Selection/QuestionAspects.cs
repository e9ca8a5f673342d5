using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Answering.Composing.Selection;

/// <summary>What a clinical question can ask about its subject, with the word stems that signal it.</summary>
/// <param name="ContextCues">Cues that signal the aspect in a question but in a sentence mostly set its scene, so they
/// count half there: "cancer" asks about the associated cancers, while "in cancer patients" says little about which.</param>
public sealed record Aspect(string Heading, IReadOnlyList<string> Cues, IReadOnlyList<string>? ContextCues = null);

/// <summary>
/// Splits a question into the aspect it asks about (treatment, cause, test...) and its subject (the disease, drug or
/// population). The cue lists are vocabulary, not weights: how much an aspect match counts is fitted.
/// </summary>
public static class QuestionAspects
{
    /// <summary>What the subject is: asked about ("What is LEMS?"), but no heading of its own for a statement.</summary>
    public static readonly Aspect Definition = new("Definition", ["defin", "definition", "classif", "is a", "refers", "term"]);

    public static readonly IReadOnlyList<Aspect> All =
    [
        new("Treatment", ["treat", "therap", "manag", "drug", "dose", "dosage", "mg", "medicat", "first-line", "firstline",
            "immunosuppress", "ivig", "immunoglobulin", "plasma", "prednis", "steroid", "corticosteroid", "azathioprin",
            "rituximab", "surgery", "surgical", "resection", "thymectomy", "chemotherap", "recommend", "efficac", "respond",
            "response", "improv", "diaminopyridin", "amifampridin", "pyridostigmin", "regimen", "administ", "given"]),
        new("Mechanism", ["caus", "etiolog", "aetiolog", "mechanism", "pathogen", "pathophysiolog", "antibod", "autoantibod",
            "autoimmun", "mediat", "channel", "receptor", "antigen", "cross-react", "induc", "attribut", "trigger", "due to"]),
        new("Associated cancers", ["cancer", "tumour", "tumor", "carcinoma", "malignan", "neoplas", "lymphoma", "thymoma",
            "sclc", "small-cell", "oncolog"], ["cancer", "tumour", "tumor", "malignan", "neoplas", "oncolog"]),
        new("Diagnosis", ["diagnos", "test", "criteri", "emg", "electromyograph", "electrodiagnos", "assay", "serolog",
            "detect", "screen", "imaging", "biopsy", "sensitiv", "specific", "stimulation", "increment", "confirm", "measur",
            "workup", "investigat"]),
        new("Frequency", ["prevalen", "incidence", "common", "frequen", "proportion", "occur", "percent", "rate", "risk",
            "how many", "epidemiolog"]),
        new("Prognosis", ["prognos", "surviv", "mortality", "outcome", "recover", "died", "death", "course", "relaps", "predict"]),
        new("Clinical features", ["symptom", "sign", "present", "feature", "clinical", "triad", "weakness", "characteri",
            "manifest", "complain"]),
        new("Study population", ["cohort", "enrol", "enroll", "eligib", "included", "inclusion", "particip", "recruit",
            "aged", "population", "studied"]),
        Definition,
    ];

    /// <summary>Words that only frame a question and say nothing about its subject.</summary>
    private static readonly HashSet<string> FramingWords = new(StringComparer.Ordinal)
    {
        "best", "recommended", "used", "use", "usual", "usually", "patient", "people", "adult", "typical", "typically",
        "main", "major", "known", "role", "should", "can", "effect", "effective", "safest", "safe", "approved",
        "preferred", "option", "options", "associated", "related", "relation", "link", "linked", "does", "do",
        "enough", "need", "needed", "done", "come", "comes", "first", "avoid", "avoided", "help", "helps", "work", "works",
        "happen", "happens", "mean", "means", "high", "low", "good", "better", "worse", "type", "types", "kind", "way",
        "important", "likely", "differ", "difference", "different", "make", "made", "take", "taken", "get", "seen",
        "found", "find", "look", "main", "key", "common", "often", "much", "many", "long", "start", "started", "stop",
        "say", "says", "guideline", "guidance", "evidence", "explain", "describe", "list", "give", "someone", "person",
        // The judgement a yes/no question asks for ("is it mandatory?", "are current guidelines sufficient?").
        "sufficient", "mandatory", "necessary", "required", "appropriate", "applicable", "useful", "beneficial",
        "worthwhile", "worth", "justified", "feasible", "valid", "matter", "current", "really",
    };

    /// <summary>
    /// Words that start like a cue and mean something else: "significantly" is no sign, "testicular" no test, a
    /// nerve "terminal" no term.
    /// </summary>
    private static readonly string[] LookAlikes = ["signif", "testic", "testost", "termin"];

    /// <summary>What ends a word for a cue; not a hyphen: "first-line" is one word.</summary>
    private static readonly System.Buffers.SearchValues<char> WordBoundaries =
        System.Buffers.SearchValues.Create(" ,.;:()?!\"'/[]");

    /// <summary>The aspects a question names, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<Aspect> AskedIn(string question)
    {
        var text = question.ToLowerInvariant();
        return All.Where(a => a.Cues.Any(c => Hits(c, text))).ToList();
    }

    /// <summary>
    /// The aspect a sentence speaks to most, or null: its section heading weighs half a cue, and between aspects
    /// the sentence names equally, one the question asks wins.
    /// </summary>
    public static Aspect? Of(string sentence, string sectionHeading, IReadOnlyList<Aspect>? asked = null)
    {
        var text = sentence.ToLowerInvariant();
        var heading = sectionHeading.ToLowerInvariant();
        Aspect? best = null;
        var bestHits = 0.0;
        foreach (var aspect in All)
        {
            if (ReferenceEquals(aspect, Definition)) continue;
            var named = Named(aspect, text) + 0.5 * Named(aspect, heading);
            if (named == 0) continue;
            var hits = named + (asked?.Contains(aspect) == true ? AskedTieBreak : 0);
            if (hits > bestHits) (best, bestHits) = (aspect, hits);
        }
        return best;
    }

    /// <summary>Less than the half cue a section heading adds: it only breaks ties.</summary>
    private const double AskedTieBreak = 0.25;

    /// <summary>How many cues of the aspect the text names, a context cue counting half.</summary>
    private static double Named(Aspect aspect, string lower) =>
        aspect.Cues.Sum(c => !Hits(c, lower) ? 0 : aspect.ContextCues?.Contains(c) == true ? 0.5 : 1);

    /// <summary>Share of <paramref name="aspects"/> of which <paramref name="text"/> names at least one cue.</summary>
    public static float Match(IReadOnlyList<Aspect> aspects, string text)
    {
        if (aspects.Count == 0) return 0;
        var lower = text.ToLowerInvariant();
        return (float)aspects.Count(a => a.Cues.Any(c => Hits(c, lower))) / aspects.Count;
    }

    /// <summary>
    /// How strongly <paramref name="text"/> speaks to the asked aspects: the distinct cues of each it names, up to
    /// three, averaged over the aspects. "autoimmune" touches the mechanism; "pathogenic autoantibodies against
    /// calcium channels" states it.
    /// </summary>
    public static float Strength(IReadOnlyList<Aspect> aspects, string text)
    {
        if (aspects.Count == 0) return 0;
        var lower = text.ToLowerInvariant();
        return (float)aspects.Average(a => Math.Min(EnoughCues, CuesNamed(a, lower)) / (double)EnoughCues);
    }

    /// <summary>The same, from the text's <see cref="CueCounts"/>; <paramref name="aspects"/> are aspects of <see cref="All"/>.</summary>
    internal static float Strength(IReadOnlyList<Aspect> aspects, ReadOnlySpan<byte> cueCounts)
    {
        if (aspects.Count == 0) return 0;
        var sum = 0.0;
        foreach (var aspect in aspects) sum += Math.Min(EnoughCues, (int)cueCounts[Index(aspect)]) / (double)EnoughCues;
        return (float)(sum / aspects.Count);
    }

    /// <summary>
    /// How many distinct cues of each aspect of <see cref="All"/> the text names, in that order: what a sentence
    /// says about every aspect, whichever a question asks, so it is counted once per sentence.
    /// </summary>
    internal static byte[] CueCounts(string text)
    {
        var lower = text.ToLowerInvariant();
        var counts = new byte[All.Count];
        for (var a = 0; a < All.Count; a++) counts[a] = (byte)CuesNamed(All[a], lower);
        return counts;
    }

    /// <summary>Cues of an aspect beyond this many say no more.</summary>
    private const int EnoughCues = 3;

    private static int CuesNamed(Aspect aspect, string lower) => aspect.Cues.Count(c => Hits(c, lower));

    private static int Index(Aspect aspect)
    {
        for (var a = 0; a < All.Count; a++)
            if (ReferenceEquals(All[a], aspect)) return a;
        throw new ArgumentException($"'{aspect.Heading}' is not one of QuestionAspects.All.", nameof(aspect));
    }

    /// <summary>True when the stemmed term only frames the question or names an aspect, not the subject.</summary>
    public static bool IsAspectOrFraming(string term) => IsFraming(term) || IsAspect(term);

    /// <summary>True when the stemmed term names an aspect (a cue of one of <see cref="All"/>).</summary>
    public static bool IsAspect(string term) =>
        !LooksAlike(term) && All.Any(a => a.Cues.Any(c => !c.Contains(' ') && term.StartsWith(c, StringComparison.Ordinal) && (c.Length > ShortCue || term.Length == c.Length)));

    /// <summary>A cue this short ("mg") is a whole word, not a word's start: the MGTX trial is no dose.</summary>
    private const int ShortCue = 2;

    private static bool LooksAlike(ReadOnlySpan<char> word)
    {
        foreach (var lookAlike in LookAlikes)
            if (word.StartsWith(lookAlike, StringComparison.Ordinal)) return true;
        return false;
    }

    public static bool IsFraming(string term) => FramingWords.Contains(term);

    /// <summary>
    /// A one-word cue is a word's start ("treat" in "treatment"); a phrase must stand as words ("is a", not "diagnosis and").
    /// </summary>
    private static bool Hits(string cue, string lower)
    {
        if (cue.Contains(' ')) return WholeWords.Contain(lower, cue);
        for (var at = lower.IndexOf(cue, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(cue, at + 1, StringComparison.Ordinal))
            if ((at == 0 || WordBoundaries.Contains(lower[at - 1])) && !LooksAlike(lower.AsSpan(at)) &&
                (cue.Length > ShortCue || at + cue.Length == lower.Length || !char.IsLetter(lower[at + cue.Length]))) return true;
        return false;
    }
}
