using System.Text;
using System.Text.Json;
using RagApi.Eval.Suites;
using RagApi.Knowledge.Answering.Assembly;

namespace RagApi.Eval.Fitting;

/// <summary>
/// A question with the sentences that answer it: a sentence of document <c>documentId</c> is an answer when
/// <see cref="IsAnswer"/> says so; <see cref="IsRelevant"/> tells the documents a citation may rightly point at.
/// </summary>
public sealed record LabelledQuestion(string Source, string Id, string Question, IReadOnlyList<ConversationTurn> History, bool Answerable,
    Func<string, string, bool> IsAnswer, Func<string, bool> IsRelevant)
{
    public bool HeldOut => Fitting.HeldOut.Contains($"{Source}:{Id}");
}

/// <summary>Reads the labelled data sets: PubMedQA long answers, SciFact rationales and the seed suites' expected phrases.</summary>
public static class LabelledQuestions
{
    /// <summary>
    /// The questions as labelled for one store: a question is answerable from it only when it holds one of the
    /// question's relevant documents, so a subset store turns the others into near misses (related evidence, not the answer).
    /// </summary>
    public static IReadOnlyList<LabelledQuestion> AnswerableFrom(IEnumerable<LabelledQuestion> questions, IReadOnlyCollection<string> storedDocuments) =>
        questions.Select(q => q.Answerable && !storedDocuments.Any(q.IsRelevant) ? q with { Answerable = false } : q).ToList();

    /// <summary>PubMedQA: the abstract's conclusion sentences (its long answer) answer the question.</summary>
    public static IReadOnlyList<LabelledQuestion> PubMedQa(string queriesPath, string longAnswersPath)
    {
        var answers = ReadJsonl(longAnswersPath).ToDictionary(e => e.GetProperty("query-id").GetString()!,
            e => (Document: e.GetProperty("corpus-id").GetString()!, Text: Normalize(e.GetProperty("long_answer").GetString()!)));
        return ReadJsonl(queriesPath)
            .Select(e => (Id: e.GetProperty("_id").GetString()!, Text: e.GetProperty("text").GetString()!))
            .Where(q => answers.ContainsKey(q.Id))
            .Select(q =>
            {
                var (document, longAnswer) = answers[q.Id];
                return new LabelledQuestion("pubmedqa", q.Id, q.Text, [], true,
                    (doc, sentence) => doc == document && Overlaps(longAnswer, Normalize(StripLabel(sentence))), doc => doc == document);
            })
            .ToList();
    }

    /// <summary>SciFact: the rationale sentences of a claim's evidence abstracts answer it (claims with evidence only).</summary>
    public static IReadOnlyList<LabelledQuestion> SciFact(string queriesPath, string rationalesPath, string sentencesPath)
    {
        var rationales = ReadJsonl(rationalesPath)
            .Select(e => (Claim: e.GetProperty("query-id").GetString()!, Document: e.GetProperty("corpus-id").GetString()!,
                Indices: e.GetProperty("sentences").EnumerateArray().Select(i => i.GetInt32()).ToList()))
            .ToList();
        var wanted = rationales.Select(r => r.Document).ToHashSet(StringComparer.Ordinal);
        var sentences = ReadJsonl(sentencesPath)
            .Where(e => wanted.Contains(e.GetProperty("_id").GetString()!))
            .ToDictionary(e => e.GetProperty("_id").GetString()!, e => e.GetProperty("sentences").EnumerateArray().Select(s => s.GetString()!).ToList());
        var byClaim = rationales.GroupBy(r => r.Claim).ToDictionary(g => g.Key,
            // A few rationales point past their abstract's sentence list in the export; those labels are left out.
            g => g.SelectMany(r => r.Indices.Where(i => sentences.TryGetValue(r.Document, out var list) && i < list.Count)
                .Select(i => (r.Document, Text: Normalize(sentences[r.Document][i])))).ToList());
        return ReadJsonl(queriesPath)
            .Select(e => (Id: e.GetProperty("_id").GetString()!, Text: e.GetProperty("text").GetString()!))
            .Where(q => byClaim.ContainsKey(q.Id))
            .Select(q => new LabelledQuestion("scifact", q.Id, q.Text, [], true,
                (doc, sentence) => byClaim[q.Id].Any(r => r.Document == doc && Overlaps(r.Text, Normalize(sentence))),
                doc => byClaim[q.Id].Any(r => r.Document == doc)))
            .ToList();
    }

    /// <summary>Seed suites: a sentence stating an expected phrase (in an expected document, when named) answers the case.</summary>
    public static IReadOnlyList<LabelledQuestion> Suites(IEnumerable<string> paths) =>
        paths.SelectMany(SuiteReader.Read)
            .Select(c =>
            {
                // An empty phrase would be found in every sentence.
                var phrases = c.ExpectedPhrases.Select(Normalize).Where(p => p.Length > 0).ToList();
                var sources = c.ExpectedSourceIds.ToHashSet(StringComparer.Ordinal);
                return new LabelledQuestion("seeds", c.Id, c.Question, c.History, !c.ShouldRefuse,
                    (doc, sentence) => (sources.Count == 0 || sources.Contains(doc)) && phrases.Any(Normalize(sentence).Contains),
                    doc => sources.Contains(doc));
            })
            .ToList();

    /// <summary>Our splitter and the data set's may cut a sentence differently: one containing the other is a match.</summary>
    private static bool Overlaps(string labelled, string candidate) =>
        candidate.Length >= 20 && (labelled.Contains(candidate, StringComparison.Ordinal) || candidate.Contains(labelled, StringComparison.Ordinal));

    private static string StripLabel(string sentence)
    {
        var colon = sentence.IndexOf(':');
        return colon is > 0 and < 30 && sentence[..colon].All(c => char.IsLetter(c) || c == ' ') ? sentence[(colon + 1)..] : sentence;
    }

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0) builder.Append(' ');
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else space = true;
        }
        return builder.ToString();
    }

    private static IEnumerable<JsonElement> ReadJsonl(string path) =>
        File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => JsonDocument.Parse(l).RootElement);
}
