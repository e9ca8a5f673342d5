using System.Text.RegularExpressions;
using RagApi.Knowledge.Answering.Composing.Selection;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Answering.Composing;

/// <summary>
/// Which ranked sentences become statements, shared by the composer and by the fit that chooses its inclusion
/// threshold (so the threshold is fitted on the answers readers get): the lead, then each likely answer in rank
/// order while it adds something. A sentence near-identical to a kept one from another source, with all its figures,
/// becomes that statement's second citation; at most <see cref="AnswerOptions.MaxStatements"/> statements and
/// <see cref="AnswerOptions.MaxStatementsPerDocument"/> per document; a sentence adding no term the question and
/// the statements so far lack, framing words aside, is left out.
/// </summary>
public static partial class StatementSelection
{
    /// <param name="ranked">The lead first, then the others best first.</param>
    /// <param name="likelyAnswer">Whether a sentence after the lead is likely enough to answer; selection stops at the first that is not.</param>
    public static List<List<SentenceCandidate>> Select(IReadOnlyList<SentenceCandidate> ranked, IEnumerable<string> questionTerms,
        Func<SentenceCandidate, bool> likelyAnswer, AnswerOptions options)
    {
        var groups = new List<List<SentenceCandidate>>();
        var said = questionTerms.ToHashSet(StringComparer.Ordinal);
        foreach (var candidate in ranked)
        {
            if (groups.Count > 0 && !likelyAnswer(candidate)) break;
            var duplicateOf = groups.FindIndex(g => Confirms(candidate, g[0], options));
            if (duplicateOf >= 0)
            {
                // Another source saying the same thing confirms the statement instead of repeating it.
                if (groups[duplicateOf].All(s => s.Passage.Chunk.DocumentId != candidate.Passage.Chunk.DocumentId))
                {
                    groups[duplicateOf].Add(candidate);
                    continue;
                }
                // The same source again, unless it adds figures: then it is a statement of its own.
                if (Figures(candidate.Text).IsSubsetOf(Figures(groups[duplicateOf][0].Text))) continue;
            }
            // A sentence read with the one before it must not repeat a statement already taken.
            if (groups.Any(g => Overlaps(g[0], candidate))) continue;
            if (groups.Count >= options.MaxStatements) continue;
            if (groups.Count(g => g[0].Passage.Chunk.DocumentId == candidate.Passage.Chunk.DocumentId) >= options.MaxStatementsPerDocument) continue;
            var terms = TextAnalyzer.Terms(candidate.Text);
            // Framing words ("common", "people", "patients") say nothing about the subject, so they add nothing either.
            if (groups.Count > 0 && terms.All(t => said.Contains(t) || QuestionAspects.IsFraming(t))) continue;
            said.UnionWith(terms);
            groups.Add([candidate]);
        }
        return groups;
    }

    /// <summary>
    /// Whether <paramref name="candidate"/> says what <paramref name="statement"/> says: near-identical vectors, and
    /// every figure of the statement in the candidate too. "Sensitivity was 78%" and "specificity was 89%" read alike
    /// to the model but are two facts, and a source giving another figure does not support the statement's.
    /// </summary>
    private static bool Confirms(SentenceCandidate candidate, SentenceCandidate statement, AnswerOptions options) =>
        VectorMath.Cosine(statement.Vector, candidate.Vector) >= options.NearDuplicateSimilarity &&
        Figures(statement.Text).IsSubsetOf(Figures(candidate.Text));

    private static HashSet<string> Figures(string text) =>
        FigurePattern().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\d+(?:[.,]\d+)?")]
    private static partial Regex FigurePattern();

    private static bool Overlaps(SentenceCandidate a, SentenceCandidate b) =>
        a.Passage.Chunk.DocumentId == b.Passage.Chunk.DocumentId &&
        a.Passage.Chunk.ChunkId == b.Passage.Chunk.ChunkId &&
        a.Span.Start < b.Span.End && b.Span.Start < a.Span.End;

    /// <summary>
    /// The lead: the best-ranked sentence, or null when no sentence reaches the calibrated relevance (nothing to answer
    /// from). The ranking already weighs relevance against the aspect asked about, so a second relevance floor on the
    /// lead alone would put a sentence restating the subject before the one that answers. A sentence that only says
    /// what its source covers (<see cref="SourceDescription"/>) gives way to the best likely answer that states a
    /// finding, unless the question asks about the source; a sentence that only says what the subject is
    /// (<see cref="SubjectDefinition"/>) gives way, when the question asks another aspect, to one of the best few
    /// likely answers that speaks to that aspect more strongly; and a study's conclusion (<see cref="StudyConclusion"/>)
    /// among the best few likely answers from the lead's own document leads in its place, since it states what the
    /// study found.
    /// </summary>
    /// <param name="likelyAnswer">Whether a sentence is likely enough to answer to be a statement at all.</param>
    public static SentenceCandidate? Lead(IReadOnlyList<SentenceCandidate> ranked, float relevanceThreshold, QuestionShape question, Func<SentenceCandidate, bool> likelyAnswer)
    {
        if (!ranked.Any(c => c.Relevance >= relevanceThreshold)) return null;
        bool Leads(SentenceCandidate c) => c.Relevance >= relevanceThreshold && likelyAnswer(c);
        var best = ranked[0];
        if (SourceDescription.Describes(best.Text) && !SourceDescription.IsAskedAbout(question.Text))
            best = ranked.Skip(1).FirstOrDefault(c => Leads(c) && !SourceDescription.Describes(c.Text)) ?? best;
        if (SubjectDefinition.Holds(best.Text) && question.Aspects is { Count: > 0 } asked && !asked.Contains(QuestionAspects.Definition))
        {
            var definition = best;
            best = ranked.Take(DefinitionReach).FirstOrDefault(c => !ReferenceEquals(c, definition) && Leads(c) && !SubjectDefinition.Holds(c.Text) &&
                !SourceDescription.Describes(c.Text) && c.AspectStrength > definition.AspectStrength) ?? best;
        }
        if (StudyConclusion.Holds(best)) return best;
        return ranked.Take(ConclusionReach).FirstOrDefault(c => !ReferenceEquals(c, best) && StudyConclusion.Holds(c) &&
            c.Passage.Chunk.DocumentId == best.Passage.Chunk.DocumentId && Leads(c)) ?? best;
    }

    /// <summary>How far down the ranking a conclusion may come from to lead: 5 rather than 3 on the fit's training questions of every data set.</summary>
    private const int ConclusionReach = 5;

    /// <summary>How far down the ranking a sentence may come from to lead in place of a definition (2 and 3 measured alike).</summary>
    private const int DefinitionReach = 3;
}
