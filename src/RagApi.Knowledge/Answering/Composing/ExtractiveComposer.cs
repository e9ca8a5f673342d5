using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Answering.Composing;

/// <summary>
/// Builds the answer from the retrieved passages' own sentences that best answer the question, scored with the
/// stored sentence vectors, so every statement is its own verbatim quote. Near-duplicates are merged into one
/// statement citing every passage that says it.
/// </summary>
public sealed class ExtractiveComposer(IKnowledgeStore store, AnswerOptions options)
{
    public async Task<DraftAnswer> ComposeAsync(Retrieval.Retrieval retrieval, CancellationToken cancellationToken)
    {
        // Sentences are scored by their cosine to the question against a calibrated threshold; BM25 has no such
        // threshold, so passages found without the question's vector are refused, never answered from.
        if (retrieval.DenseUnavailable is { } unavailable) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(unavailable);
        var candidates = await CandidatesAsync(retrieval, cancellationToken);
        if (candidates.Count == 0 || candidates[0].Relevance < options.RelevanceThreshold) return DraftAnswer.Empty;

        var floor = Math.Max(options.RelevanceThreshold, candidates[0].Relevance * options.RelativeFloor);
        var selected = new List<(Candidate Lead, List<Candidate> Support)>();
        foreach (var candidate in candidates.Where(c => c.Relevance >= floor))
        {
            var duplicateOf = selected.FindIndex(s => VectorMath.Cosine(s.Lead.Vector, candidate.Vector) >= options.NearDuplicateSimilarity);
            if (duplicateOf >= 0)
            {
                var support = selected[duplicateOf].Support;
                if (support.All(s => s.Passage.Chunk.DocumentId != candidate.Passage.Chunk.DocumentId)) support.Add(candidate);
                continue;
            }
            if (selected.Count >= options.MaxStatements) continue;
            if (selected.Count(s => s.Lead.Passage.Chunk.DocumentId == candidate.Passage.Chunk.DocumentId) >= options.MaxStatementsPerDocument) continue;
            selected.Add((candidate, [candidate]));
        }

        // The best-scored sentence answers first, as the lead; the rest follow, guidelines first.
        var lead = Statement(selected[0]);
        var statements = selected.Skip(1)
            .OrderBy(s => s.Lead.Passage.Chunk.Document.Kind == DocumentKind.Guideline ? 0 : 1)
            .ThenByDescending(s => s.Lead.Score)
            .Select(Statement)
            .ToList();
        var followUps = FollowUpQuestions.FromSections(retrieval.Passages, [lead, .. statements], options.MaxFollowUpQuestions, retrieval.Query);
        return new DraftAnswer(statements, followUps) { Lead = lead };
    }

    private static DraftStatement Statement((Candidate Lead, List<Candidate> Support) selected) =>
        new(StatementText.Clean(selected.Lead.Text), selected.Support.Select(c => new Evidence(c.Passage, c.Span, c.Relevance)).ToList());

    private async Task<List<Candidate>> CandidatesAsync(Retrieval.Retrieval retrieval, CancellationToken cancellationToken)
    {
        var passages = retrieval.Passages;
        var vectors = await store.GetSentenceVectorsAsync(passages.Select(p => p.Chunk.ChunkId).ToList(), cancellationToken);
        var questionTerms = TextAnalyzer.Terms(retrieval.Query).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<Candidate>();
        for (var rank = 0; rank < passages.Count; rank++)
        {
            var chunk = passages[rank].Chunk;
            if (!vectors.TryGetValue(chunk.ChunkId, out var sentenceVectors)) continue;
            for (var i = 0; i < chunk.Sentences.Count && i < sentenceVectors.Length; i++)
            {
                var text = chunk.Sentence(i);
                // Overlapping chunks repeat a sentence; the better-ranked passage keeps it.
                // A sentence that leans on its neighbours ("The authors ...", "These patients ...") means nothing alone.
                if (!seen.Add($"{chunk.DocumentId}\u001f{text}") || !StatementText.IsStatement(text) || !StatementText.StandsAlone(text)) continue;
                var sentenceRelevance = VectorMath.Cosine(retrieval.QueryVector, sentenceVectors[i]);
                // A sentence read alone loses its passage's subject; the passage's own similarity restores it.
                var relevance = passages[rank].Scores.Dense is { } passageRelevance
                    ? options.SentenceWeight * sentenceRelevance + (1 - options.SentenceWeight) * passageRelevance
                    : sentenceRelevance;
                var overlap = TermOverlap(questionTerms, text);
                var score = relevance * (1 + options.TermOverlapWeight * overlap) * (1 + options.PassageRankWeight / (rank + 1));
                candidates.Add(new Candidate(passages[rank], chunk.Sentences[i], text, sentenceVectors[i], relevance, score));
            }
        }
        return candidates.OrderByDescending(c => c.Score).ToList();
    }

    private static float TermOverlap(HashSet<string> questionTerms, string sentence)
    {
        if (questionTerms.Count == 0) return 0;
        var terms = TextAnalyzer.Terms(sentence).ToHashSet(StringComparer.Ordinal);
        return (float)questionTerms.Count(terms.Contains) / questionTerms.Count;
    }

    private sealed record Candidate(RetrievedPassage Passage, TextSpan Span, string Text, float[] Vector, float Relevance, float Score);
}
