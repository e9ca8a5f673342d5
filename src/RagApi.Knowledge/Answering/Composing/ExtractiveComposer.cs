using System.Runtime.ExceptionServices;
using RagApi.Knowledge.Answering.Composing.Selection;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Text;

namespace RagApi.Knowledge.Answering.Composing;

/// <summary>The extractive draft and the stored sentence vectors of the retrieved passages, by chunk id.</summary>
public sealed record ExtractiveDraft(DraftAnswer Draft, IReadOnlyDictionary<string, float[][]> SentenceVectors);

/// <summary>
/// Builds the answer from the retrieved passages' own sentences, so every statement is its own verbatim quote.
/// Each sentence is ranked by a model fitted on labelled data (<see cref="SelectionModel"/>) for how well it
/// answers what the question asks about its subject. Nothing is answered when no sentence reaches the relevance
/// threshold calibrated for the embedding model; above it, for the model the selection was fitted on, the fitted
/// answerability check decides whether the evidence answers at all. The best sentence leads, unless it only
/// describes its source or defines the subject, or its study's conclusion ranks close (<see cref="StatementSelection.Lead"/>);
/// the others are kept while they are likely answers and add something new; a sentence another source repeats
/// becomes a second citation of the same statement.
/// </summary>
/// <param name="embeddingModel">The store's embedding model: the fitted answerability check applies only to the model it was fitted on.</param>
public sealed class ExtractiveComposer(IKnowledgeStore store, AnswerOptions options, SelectionModel? model = null, string? embeddingModel = null)
{
    private const int AnswerabilityPassages = 3;
    private const string OtherFindings = "Other findings";
    private readonly SelectionModel _model = model ?? SelectionModel.Default;

    public async Task<DraftAnswer> ComposeAsync(Retrieval.Retrieval retrieval, CancellationToken cancellationToken) =>
        (await ComposeReadingVectorsAsync(retrieval, cancellationToken)).Draft;

    /// <summary>
    /// The draft and the sentence vectors of every retrieved passage it was made from, read once, so that verifying
    /// a model's answer over the same passages does not read them again.
    /// </summary>
    public async Task<ExtractiveDraft> ComposeReadingVectorsAsync(Retrieval.Retrieval retrieval, CancellationToken cancellationToken)
    {
        // Sentences are scored against the question's vector and a calibrated threshold; BM25 has no such threshold,
        // so passages found without the question's vector are refused, never answered from.
        if (retrieval.DenseUnavailable is { } unavailable) ExceptionDispatchInfo.Throw(unavailable);
        var chunkIds = retrieval.Passages.Select(p => p.Chunk.ChunkId).ToHashSet(StringComparer.Ordinal);
        var vectors = await store.GetSentenceVectorsAsync(chunkIds, cancellationToken);
        return new ExtractiveDraft(Compose(retrieval, vectors), vectors);
    }

    private DraftAnswer Compose(Retrieval.Retrieval retrieval, IReadOnlyDictionary<string, float[][]> vectors)
    {
        var question = QuestionShape.Of(retrieval.Query);
        var usable = SentenceCandidates.Collect(retrieval, question, vectors)
            .Where(c => !c.NeedsNeighbours)
            .Select(c => c with { Score = _model.Score(c.Features) })
            .OrderByDescending(c => c.Score)
            .ToList();
        if (usable.Count == 0 || usable.Max(c => c.Relevance) < options.RelevanceThreshold) return DraftAnswer.Empty;
        if (embeddingModel == _model.EmbeddingModel && !Answerable(retrieval, question, usable)) return DraftAnswer.Empty;

        var best = usable[0].Score;
        bool LikelyAnswer(SentenceCandidate c) => _model.Probability(c.Score, best) >= _model.InclusionThreshold;
        var lead = StatementSelection.Lead(usable, options.RelevanceThreshold, question, LikelyAnswer)!;
        var groups = StatementSelection.Select([lead, .. usable.Where(c => !ReferenceEquals(c, lead))], question.Terms, LikelyAnswer, options);
        var leadStatement = ToStatement(groups[0]);
        var points = Arrange(groups.Skip(1).ToList(), question.Aspects);
        return new DraftAnswer(points, FollowUpQuestions.FromSections(retrieval.Passages, [leadStatement, .. points], options.MaxFollowUpQuestions, retrieval.Query))
        {
            Lead = leadStatement,
        };
    }

    private bool Answerable(Retrieval.Retrieval retrieval, QuestionShape question, List<SentenceCandidate> ranked) =>
        _model.Answerability(AnswerabilityFeatures(_model, retrieval, question, ranked)) >= 0.5;

    /// <summary>What the answerability check weighs, in the order of <see cref="SelectionModel.AnswerabilityFeatureNames"/>.</summary>
    /// <param name="ranked">The usable sentences, scored by <paramref name="model"/>, best first.</param>
    public static double[] AnswerabilityFeatures(SelectionModel model, Retrieval.Retrieval retrieval, QuestionShape question, IReadOnlyList<SentenceCandidate> ranked) =>
    [
        model.Probability(ranked[0].Score, ranked[0].Score),
        ranked.Max(c => c.SentenceCosine),
        SentenceCandidates.SubjectCoverage(retrieval, question, AnswerabilityPassages),
    ];

    /// <summary>Guideline evidence first; within a kind, statements grouped by the aspect they answer when there are several.</summary>
    private static List<DraftStatement> Arrange(List<List<SentenceCandidate>> groups, IReadOnlyList<Aspect> asked)
    {
        var arranged = new List<DraftStatement>();
        foreach (var kind in groups.GroupBy(g => g[0].Passage.Chunk.Document.Kind == DocumentKind.Guideline ? 0 : 1).OrderBy(k => k.Key))
        {
            // A sentence's aspect is read from its words, so once per group.
            var headed = kind.Select(g => (Group: g, Heading: g[0].AspectFor(asked)?.Heading)).ToList();
            if (headed.Select(h => h.Heading).Where(h => h is not null).Distinct().Count() < 2)
            {
                arranged.AddRange(headed.Select(h => ToStatement(h.Group)));
                continue;
            }
            foreach (var byAspect in headed.GroupBy(h => h.Heading ?? OtherFindings)
                         .OrderBy(a => a.Key == OtherFindings ? 1 : 0)
                         .ThenByDescending(a => a.Max(h => h.Group[0].Score)))
                arranged.AddRange(byAspect.Select(h => ToStatement(h.Group, byAspect.Key)));
        }
        return arranged;
    }

    private static DraftStatement ToStatement(List<SentenceCandidate> group, string? heading = null) =>
        new(StatementText.Clean(group[0].Text),
            group.Select(c => new Evidence(c.Passage, c.Span, c.Relevance)).ToList(),
            heading);
}
