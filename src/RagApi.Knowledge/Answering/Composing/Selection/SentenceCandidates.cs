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
        var raw = new List<(int Rank, TextSpan Span, string Text, float[] Vector, IReadOnlyList<string> Terms, bool StandsAlone)>();
        for (var rank = 0; rank < passages.Count; rank++)
        {
            var chunk = passages[rank].Chunk;
            if (!vectors.TryGetValue(chunk.ChunkId, out var sentenceVectors)) continue;
            for (var i = 0; i < chunk.Sentences.Count && i < sentenceVectors.Length; i++)
            {
                var text = chunk.Sentence(i);
                // Overlapping chunks repeat a sentence; the better-ranked passage keeps it.
                if (!seen.Add($"{chunk.DocumentId}\u001f{text}") || !StatementText.IsStatement(text)) continue;
                var standsAlone = StatementText.StandsAlone(text);
                raw.Add((rank, chunk.Sentences[i], text, sentenceVectors[i], TextAnalyzer.Terms(text), standsAlone));
                if (!standsAlone && WithAntecedent(chunk, sentenceVectors, i, text) is { } joined)
                    raw.Add((rank, joined.Span, joined.Text, joined.Vector, TextAnalyzer.Terms(joined.Text), true));
            }
        }
        if (raw.Count == 0) return [];

        var abbreviations = Abbreviations.Find(passages.Select(p => p.Chunk.Text).Distinct(StringComparer.Ordinal));
        question = question.With(abbreviations);
        var termLists = raw.Select(r => abbreviations.Expand(r.Terms)).ToList();
        var bm25 = Scaled(SentenceBm25.Score(question.Terms, termLists, SentenceBm25.SameTerm));
        var aspectBm25 = Scaled(SentenceBm25.Score(question.AspectTerms, termLists, SentenceBm25.SameStem));
        var subject = SubjectDirection(raw.Select(r => r.Vector).ToList());
        var questionWithoutSubject = WithoutDirection(retrieval.QueryVector, subject);
        var questionTerms = question.Terms.ToHashSet(StringComparer.Ordinal);
        // Chunking cuts a section at arbitrary sentences: a sentence belongs to its whole section, as relevant as its best part.
        var sectionCosine = passages.Where(p => p.Scores.Dense is not null)
            .GroupBy(p => SectionKey(p))
            .ToDictionary(g => g.Key, g => g.Max(p => p.Scores.Dense!.Value), StringComparer.Ordinal);
        // What the passage is about: its document's title, its section and its text, abbreviations spelled out.
        var passageTerms = passages.Select(p => abbreviations.Expand(TextAnalyzer.Terms($"{p.Chunk.Document.Title}\n{p.Chunk.IndexText}")).ToHashSet(StringComparer.Ordinal)).ToList();
        var candidates = new List<SentenceCandidate>(raw.Count);
        for (var c = 0; c < raw.Count; c++)
        {
            var (rank, span, text, vector, _, standsAlone) = raw[c];
            var terms = termLists[c];
            var passage = passages[rank];
            var heading = passage.Chunk.SectionPath.Split(" > ")[^1];
            var sentenceCosine = VectorMath.Cosine(retrieval.QueryVector, vector);
            var distinct = terms.ToHashSet(StringComparer.Ordinal);
            var restated = distinct.Count == 0 ? 0 : (double)distinct.Count(questionTerms.Contains) / distinct.Count;
            var newTerms = distinct.Count(t => !questionTerms.Contains(t));
            var features = new double[]
            {
                Math.Max(0, sentenceCosine),
                Math.Max(0, passage.Scores.Dense ?? sentenceCosine),
                Math.Max(0, sectionCosine.TryGetValue(SectionKey(passage), out var section) ? section : sentenceCosine),
                Math.Max(0, TrueCosine(questionWithoutSubject, WithoutDirection(vector, subject))),
                bm25[c],
                aspectBm25[c],
                Share(question.SubjectTerms, distinct),
                Share(question.SubjectTerms, passageTerms[rank]),
                QuestionAspects.Strength(question.Aspects, text),
                QuestionAspects.Match(question.Aspects, heading),
                restated,
                Math.Min(1.0, (double)newTerms / MaxNewTerms),
                ContextDependence.LeansOnPrevious(text) ? 1 : 0,
                1.0 / (rank + 1),
                question.AsksQuantity && text.Any(char.IsDigit) ? 1 : 0,
                Math.Min(1.0, Math.Log(1 + text.Count(ch => ch == ' ') + 1) / Math.Log(1 + MaxWords)),
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
    private static (TextSpan Span, string Text, float[] Vector)? WithAntecedent(Ingestion.Chunking.Chunk chunk, float[][] sentenceVectors, int index, string sentence)
    {
        if (index == 0 || !StatementText.LeansOnTheSentenceBefore(sentence)) return null;
        var before = chunk.Sentence(index - 1);
        if (!StatementText.IsStatement(before) || !StatementText.StandsAlone(before)) return null;
        var (first, second) = (chunk.Sentences[index - 1], chunk.Sentences[index]);
        var span = new TextSpan(first.Start, second.End - first.Start);
        var text = span.Of(chunk.Text);
        // Their mean points where the pair's own embedding would, near enough for ranking and duplicate checks.
        var vector = new float[sentenceVectors[index].Length];
        TensorPrimitives.Add(sentenceVectors[index - 1], sentenceVectors[index], vector);
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return StatementText.StandsAlone(text) ? (span, text, vector) : null;
    }

    /// <summary>The largest share of the question's subject terms that one of the best passages names (title and section included).</summary>
    public static double SubjectCoverage(Retrieval.Retrieval retrieval, QuestionShape question, int passages)
    {
        var best = 0.0;
        foreach (var passage in retrieval.Passages.Take(passages))
        {
            var terms = TextAnalyzer.Terms($"{passage.Chunk.Document.Title}\n{passage.Chunk.IndexText}").ToHashSet(StringComparer.Ordinal);
            best = Math.Max(best, Share(question.SubjectTerms, terms));
        }
        return best;
    }

    private static string SectionKey(RetrievedPassage passage) => $"{passage.Chunk.DocumentId}\u001f{passage.Chunk.SectionPath}";

    /// <summary>What every retrieved sentence shares, their normalised mean: mostly the subject they are all about.</summary>
    private static float[] SubjectDirection(List<float[]> vectors)
    {
        var mean = new float[vectors[0].Length];
        foreach (var vector in vectors)
            for (var i = 0; i < mean.Length; i++) mean[i] += vector[i];
        var norm = MathF.Sqrt(mean.Sum(x => x * x));
        if (norm > 0) for (var i = 0; i < mean.Length; i++) mean[i] /= norm;
        return mean;
    }

    private static float[] WithoutDirection(float[] vector, float[] direction)
    {
        var projection = 0f;
        for (var i = 0; i < vector.Length; i++) projection += vector[i] * direction[i];
        var rest = new float[vector.Length];
        for (var i = 0; i < vector.Length; i++) rest[i] = vector[i] - projection * direction[i];
        return rest;
    }

    /// <summary>Vectors with a direction removed are no longer unit length, so their cosine is not their dot product.</summary>
    private static double TrueCosine(float[] a, float[] b)
    {
        var cosine = TensorPrimitives.CosineSimilarity(a, b);
        return float.IsFinite(cosine) ? cosine : 0;
    }

    private static double[] Scaled(double[] scores)
    {
        var best = scores.Length == 0 ? 0 : scores.Max();
        return best > 0 ? scores.Select(s => s / best).ToArray() : scores;
    }

    private static double Share(IReadOnlyList<string> wanted, HashSet<string> present) =>
        wanted.Count == 0 ? 0 : (double)wanted.Count(present.Contains) / wanted.Count;
}
