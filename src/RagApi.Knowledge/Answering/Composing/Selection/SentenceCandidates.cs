using System.Numerics.Tensors;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Answering.Composing.Selection;

/// <summary>Every usable sentence of the retrieved passages, measured against the question (no embedding: stored vectors only).</summary>
public static class SentenceCandidates
{
    private const int MaxNewTerms = 15;
    private const int MaxWords = 60;

    public static async Task<IReadOnlyList<SentenceCandidate>> CollectAsync(
        IKnowledgeStore store, Retrieval.Retrieval retrieval, QuestionShape question, CancellationToken cancellationToken) =>
        Collect(retrieval, question, await store.GetSentenceVectorsAsync(retrieval.Passages.Select(p => p.Chunk.ChunkId).ToList(), cancellationToken));

    /// <param name="vectors">The stored sentence vectors of the retrieved passages, by chunk id.</param>
    public static IReadOnlyList<SentenceCandidate> Collect(Retrieval.Retrieval retrieval, QuestionShape question, IReadOnlyDictionary<string, float[][]> vectors)
    {
        var passages = retrieval.Passages;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var analysed = passages.Select(p => AnalysedChunk.Of(p.Chunk)).ToList();
        var raw = new List<(int Rank, TextSpan Span, string Text, float[] Vector, IReadOnlyList<string> Terms, ReadOnlyMemory<byte> CueCounts, bool StandsAlone)>();
        for (var rank = 0; rank < passages.Count; rank++)
        {
            var chunk = passages[rank].Chunk;
            if (!vectors.TryGetValue(chunk.ChunkId, out var sentenceVectors)) continue;
            var read = analysed[rank];
            for (var i = 0; i < chunk.Sentences.Count && i < sentenceVectors.Length; i++)
            {
                var text = read.Sentences[i];
                // Overlapping chunks repeat a sentence; the better-ranked passage keeps it.
                if (!seen.Add($"{chunk.DocumentId}\u001f{text}")) continue;
                if (ListWithLeadIn(chunk, read, sentenceVectors, i) is { } list)
                    raw.Add((rank, list.Span, list.Text, list.Vector, TextAnalyzer.Terms(list.Text), QuestionAspects.CueCounts(list.Text), true));
                if (!read.IsStatement[i]) continue;
                var standsAlone = read.StandsAlone[i] && !IsListItem(chunk, i, text);
                raw.Add((rank, chunk.Sentences[i], text, sentenceVectors[i], read.SentenceTerms[i], read.CueCounts[i], standsAlone));
                if (!standsAlone && WithAntecedent(chunk, read, sentenceVectors, i) is { } joined)
                    raw.Add((rank, joined.Span, joined.Text, joined.Vector, TextAnalyzer.Terms(joined.Text), QuestionAspects.CueCounts(joined.Text), true));
            }
        }
        if (raw.Count == 0) return [];

        var abbreviations = Abbreviations.From(analysed.Select(a => a.Definitions));
        question = question.With(abbreviations);
        var termLists = raw.Select(r => abbreviations.Expand(r.Terms)).ToList();
        var bm25 = Scaled(SentenceBm25.Score(question.Terms, termLists, SentenceBm25.SameTerm));
        var aspectBm25 = Scaled(SentenceBm25.Score(question.AspectTerms, termLists, SentenceBm25.SameStem));
        var subject = SubjectDirection(raw.Select(r => r.Vector).ToList());
        var withoutSubject = new SubjectFree(retrieval.QueryVector, subject);
        var questionTerms = question.Terms.ToHashSet(StringComparer.Ordinal);
        // Chunking cuts a section at arbitrary sentences: a sentence belongs to its whole section, as relevant as its best part.
        var sectionKeys = passages.Select(SectionKey).ToList();
        var sectionCosine = passages.Select((p, rank) => (Key: sectionKeys[rank], p.Scores.Dense))
            .Where(p => p.Dense is not null)
            .GroupBy(p => p.Key)
            .ToDictionary(g => g.Key, g => g.Max(p => p.Dense!.Value), StringComparer.Ordinal);
        var headingMatch = passages.Select(p => QuestionAspects.Match(question.Aspects, p.Chunk.SectionPath.Split(" > ")[^1])).ToList();
        // What the passage is about: its document's title, its section and its text, abbreviations spelled out.
        var subjectInPassage = analysed.Select(a => a.ShareNamed(question.SubjectTerms, abbreviations)).ToList();
        var candidates = new List<SentenceCandidate>(raw.Count);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < raw.Count; c++)
        {
            var (rank, span, text, vector, _, cueCounts, standsAlone) = raw[c];
            var terms = termLists[c];
            var passage = passages[rank];
            var sentenceCosine = VectorMath.Cosine(retrieval.QueryVector, vector);
            distinct.Clear();
            distinct.UnionWith(terms);
            var restated = distinct.Count == 0 ? 0 : (double)distinct.Count(questionTerms.Contains) / distinct.Count;
            var newTerms = distinct.Count(t => !questionTerms.Contains(t));
            var features = new double[]
            {
                Math.Max(0, sentenceCosine),
                Math.Max(0, passage.Scores.Dense ?? sentenceCosine),
                Math.Max(0, sectionCosine.TryGetValue(sectionKeys[rank], out var section) ? section : sentenceCosine),
                Math.Max(0, withoutSubject.Cosine(vector, sentenceCosine)),
                bm25[c],
                aspectBm25[c],
                Share(question.SubjectTerms, distinct),
                subjectInPassage[rank],
                QuestionAspects.Strength(question.Aspects, cueCounts.Span),
                headingMatch[rank],
                restated,
                Math.Min(1.0, (double)newTerms / MaxNewTerms),
                ContextDependence.LeansOnPrevious(text) ? 1 : 0,
                1.0 / (rank + 1),
                question.AsksQuantity && text.Any(char.IsDigit) ? 1 : 0,
                Math.Min(1.0, Math.Log(1 + text.AsSpan().Count(' ') + 1) / Math.Log(1 + MaxWords)),
                passage.Chunk.Document.Kind == DocumentKind.Guideline ? 1 : 0,
            };
            candidates.Add(new SentenceCandidate(passage, rank, span, text, vector, features, !standsAlone));
        }
        return candidates;
    }

    /// <summary>
    /// A sentence that leans on the one before it ("It was then validated in 112 patients.") read together with that
    /// sentence, as one statement quoting both: the pair means what it says, where the sentence alone does not.
    /// Called for a sentence that does not stand alone. Null when it opens its chunk, leans on something other than a pronoun's referent
    /// ("The authors ...", "The other half ..."), or the one before does not stand alone either.
    /// </summary>
    private static (TextSpan Span, string Text, float[] Vector)? WithAntecedent(Ingestion.Chunking.Chunk chunk, AnalysedChunk read, float[][] sentenceVectors, int index)
    {
        if (index == 0 || !StatementText.LeansOnTheSentenceBefore(read.Sentences[index])) return null;
        if (!read.IsStatement[index - 1] || !read.StandsAlone[index - 1]) return null;
        var (first, second) = (chunk.Sentences[index - 1], chunk.Sentences[index]);
        var span = new TextSpan(first.Start, second.End - first.Start);
        var text = span.Of(chunk.Text);
        // Their mean points where the pair's own embedding would, near enough for ranking and duplicate checks.
        var vector = new float[sentenceVectors[index].Length];
        TensorPrimitives.Add(sentenceVectors[index - 1], sentenceVectors[index], vector);
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return StatementText.StandsAlone(text) ? (span, text, vector) : null;
    }

    /// <summary>An item of a list that continues the line before it ("smoking at the time of diagnosis;" after "The six items are:").</summary>
    private static bool IsListItem(Ingestion.Chunking.Chunk chunk, int index, string sentence) =>
        index > 0 && sentence is [var first, ..] && char.IsLower(first) && chunk.Text.AsSpan(chunk.Sentences[index - 1].Start, chunk.Sentences[index - 1].Length).TrimEnd() is [.., ':' or ';'];

    /// <summary>
    /// A list read with the line that introduces it, as one statement quoting both: "The six items are:" and its
    /// items, each on a line of its own ("age at onset of 50 years or older;", ...), up to the item that ends the
    /// sentence. Items too short to be statements say what they mean only this way. Items that each end in a full
    /// stop are taken only when the lead-in says how many there are ("... when any one of three criteria is met:"),
    /// because a document's list items reach the chunk as lines, not told from the paragraphs after them. Null when
    /// the sentence does not end in a colon, does not stand alone, no item follows on a new line, fewer items follow
    /// than it announces, or the whole would be too long to read as one statement.
    /// </summary>
    private static (TextSpan Span, string Text, float[] Vector)? ListWithLeadIn(Ingestion.Chunking.Chunk chunk, AnalysedChunk read, float[][] sentenceVectors, int index)
    {
        const int maxItems = 12;
        const int maxLength = 700;
        if (!read.Sentences[index].TrimEnd().EndsWith(':') || !read.StandsAlone[index]) return null;
        var announced = ListLeadIn.AnnouncedItems(read.Sentences[index], maxItems);
        var wholeSentences = false;
        var last = index;
        for (var next = index + 1; next < chunk.Sentences.Count && next < sentenceVectors.Length && next - index <= maxItems; next++)
        {
            var between = chunk.Text.AsSpan(chunk.Sentences[next - 1].End, chunk.Sentences[next].Start - chunk.Sentences[next - 1].End);
            if (!between.Contains('\n')) break;
            var endsSentence = read.Sentences[next].TrimEnd().EndsWith('.');
            if (endsSentence && last == index)
            {
                if (announced is null) return null;
                wholeSentences = true;
            }
            last = next;
            if (wholeSentences ? next - index == announced : endsSentence) break;
        }
        if (last == index || wholeSentences && last - index != announced) return null;
        var span = new TextSpan(chunk.Sentences[index].Start, chunk.Sentences[last].End - chunk.Sentences[index].Start);
        if (span.Length > maxLength) return null;
        var vector = new float[sentenceVectors[index].Length];
        for (var i = index; i <= last; i++) TensorPrimitives.Add(vector, sentenceVectors[i], vector);
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return (span, span.Of(chunk.Text), vector);
    }

    /// <summary>
    /// The largest share of the question's subject terms that one of the best passages names (title and section
    /// included), a word's other forms counting ("cachectic" and "cachexia", "anti-depressants" and
    /// "antidepressant"): a claim that paraphrases its abstract names the same things in other inflections. A number
    /// qualifies the subject ("women aged 50 to 74", "by the age of 14") rather than being it, so numbers count only
    /// when the subject is nothing else. An abbreviation the question defines counts with its long form.
    /// </summary>
    public static double SubjectCoverage(Retrieval.Retrieval retrieval, QuestionShape question, int passages)
    {
        var words = question.SubjectTerms.Where(t => !t.All(char.IsAsciiDigit)).ToList();
        var wanted = words.Count > 0 ? words : question.SubjectTerms;
        if (wanted.Count == 0) return 0;
        var best = 0.0;
        var definedByQuestion = Abbreviations.DefinedIn(question.Text);
        foreach (var passage in retrieval.Passages.Take(passages))
        {
            var terms = AnalysedChunk.Of(passage.Chunk).Terms;
            if (definedByQuestion.Count > 0)
            {
                // "the international normalised ratio (INR)" names one thing twice: either spelling names all of it.
                var spelled = new HashSet<string>(terms, StringComparer.Ordinal);
                foreach (var definition in definedByQuestion)
                {
                    if (spelled.Contains(definition.Term)) spelled.UnionWith(definition.LongForm);
                    else if (definition.LongForm.All(spelled.Contains)) spelled.Add(definition.Term);
                }
                terms = spelled;
            }
            var named = wanted.Count(s => terms.Contains(s) || terms.Any(t => SentenceBm25.SameStem(s, t)));
            best = Math.Max(best, (double)named / wanted.Count);
        }
        return best;
    }

    private static string SectionKey(RetrievedPassage passage) => $"{passage.Chunk.DocumentId}\u001f{passage.Chunk.SectionPath}";

    /// <summary>What every retrieved sentence shares, their normalised mean: mostly the subject they are all about.</summary>
    private static float[] SubjectDirection(List<float[]> vectors)
    {
        var mean = new float[vectors[0].Length];
        foreach (var vector in vectors) TensorPrimitives.Add(mean, vector, mean);
        // Summed in double, as it always was: TensorPrimitives.Norm sums in float and moves the last bit.
        var norm = MathF.Sqrt(mean.Sum(x => x * x));
        if (norm > 0) TensorPrimitives.Divide(mean, norm, mean);
        return mean;
    }

    /// <summary>
    /// The cosine of two vectors once the subject direction is removed from both, from dot products alone:
    /// (q - (q.d)d).(v - (v.d)d) = q.v - (q.d)(v.d), and |v - (v.d)d|^2 = |v|^2 - (v.d)^2 for a unit d.
    /// </summary>
    private readonly struct SubjectFree
    {
        private readonly float[] _subject;
        private readonly float _questionOnSubject;
        private readonly float _questionRestNorm;

        public SubjectFree(float[] question, float[] subject)
        {
            _subject = subject;
            _questionOnSubject = TensorPrimitives.Dot(question, subject);
            _questionRestNorm = RestNorm(question, _questionOnSubject);
        }

        /// <param name="questionDot">The question's dot product with <paramref name="vector"/>, already computed.</param>
        public double Cosine(float[] vector, float questionDot)
        {
            var onSubject = TensorPrimitives.Dot(vector, _subject);
            var norms = _questionRestNorm * RestNorm(vector, onSubject);
            return norms > 0 ? (questionDot - _questionOnSubject * onSubject) / norms : 0;
        }

        private static float RestNorm(float[] vector, float onSubject) =>
            MathF.Sqrt(MathF.Max(0, TensorPrimitives.Dot(vector, vector) - onSubject * onSubject));
    }

    private static double[] Scaled(double[] scores)
    {
        var best = scores.Length == 0 ? 0 : scores.Max();
        return best > 0 ? scores.Select(s => s / best).ToArray() : scores;
    }

    private static double Share(IReadOnlyList<string> wanted, HashSet<string> present) =>
        wanted.Count == 0 ? 0 : (double)wanted.Count(present.Contains) / wanted.Count;
}
