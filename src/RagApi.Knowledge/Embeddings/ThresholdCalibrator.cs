using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;

namespace RagApi.Knowledge.Embeddings;

/// <summary>What calibration found: the thresholds and the two gaps they sit in.</summary>
public sealed record CalibrationReport(ModelCalibration Calibration, float InScopeLowest, float OutOfScopeHighest, float SupportedLowest, float UnsupportedHighest)
{
    public override string ToString() =>
        $"relevance threshold {Calibration.RelevanceThreshold:0.000} (in-scope questions from {InScopeLowest:0.000}, out-of-scope up to {OutOfScopeHighest:0.000}); " +
        $"support threshold {Calibration.SupportThreshold:0.000} (supported statements from {SupportedLowest:0.000}, unsupported up to {UnsupportedHighest:0.000})";
}

/// <summary>The model's cosines cannot separate the calibration cases: no threshold would be right for all of them.</summary>
internal sealed class CalibrationFailedException(string message) : KnowledgeException(message)
{
    public override bool IsTransient => false;
}

/// <summary>
/// Calibrates the relevance and support thresholds for the store's embedding model on the seed corpus, the way the
/// MiniLM defaults were calibrated (README, "Relevance threshold" and "Citation verification"): each threshold is
/// the middle of the gap between the cases that must pass and those that must not. Relevance is measured through
/// the real retriever and extractive composer: the highest threshold at which the composer still answers.
/// </summary>
public sealed class ThresholdCalibrator(IKnowledgeStore store, ITextEmbedder embedder, Retriever retriever, AnswerOptions options)
{
    private const int BisectionSteps = 18;

    public async Task<CalibrationReport> CalibrateAsync(CalibrationSet cases, CancellationToken cancellationToken)
    {
        var relevance = new List<(RelevanceCase Case, float Best)>();
        foreach (var question in cases.Relevance)
            relevance.Add((question, await BestRelevanceAsync(question.Question, cancellationToken)));
        var support = await SupportScoresAsync(cases.Support, cancellationToken);

        var (inScope, outOfScope) = Gap(relevance.Where(r => !r.Case.ShouldRefuse).Select(r => r.Best), relevance.Where(r => r.Case.ShouldRefuse).Select(r => r.Best), "relevance");
        var (supported, unsupported) = Gap(support.Where(s => s.Case.Supported).Select(s => s.Best), support.Where(s => !s.Case.Supported).Select(s => s.Best), "support");
        if (inScope <= outOfScope)
            throw new CalibrationFailedException(
                $"'{embedder.ModelId}' cannot tell the calibration questions apart: an in-scope question's best relevance is {inScope:0.000} but an out-of-scope one reaches {outOfScope:0.000} " +
                $"({string.Join("; ", relevance.Where(r => r.Case.ShouldRefuse ? r.Best >= inScope : r.Best <= outOfScope).Select(r => $"\"{r.Case.Question}\" {r.Best:0.000}"))}). Set the thresholds explicitly or use another model.");
        if (supported <= unsupported)
            throw new CalibrationFailedException(
                $"'{embedder.ModelId}' cannot tell supported statements from unsupported ones: a supported statement scores {supported:0.000} but an unsupported one {unsupported:0.000}. " +
                "Set the thresholds explicitly or use another model.");

        var calibration = new ModelCalibration(embedder.ModelId, (inScope + outOfScope) / 2, (supported + unsupported) / 2);
        return new CalibrationReport(calibration, inScope, outOfScope, supported, unsupported);
    }

    /// <summary>Lowest of those that must pass, highest of those that must not.</summary>
    private static (float Lowest, float Highest) Gap(IEnumerable<float> pass, IEnumerable<float> fail, string what)
    {
        var (passing, failing) = (pass.ToList(), fail.ToList());
        if (passing.Count == 0 || failing.Count == 0)
            throw new CalibrationFailedException($"The {what} calibration needs cases on both sides; the file has {passing.Count} that pass and {failing.Count} that do not.");
        return (passing.Min(), failing.Max());
    }

    /// <summary>The composer refuses exactly when its best sentence's relevance is below the threshold, so bisection finds that relevance.</summary>
    private async Task<float> BestRelevanceAsync(string question, CancellationToken cancellationToken)
    {
        var topK = options.DefaultTopK;
        var retrieval = await retriever.RetrieveAsync(question, SearchFilters.None, topK * options.RetrievalDepthFactor, cancellationToken);
        var (low, high) = (-1f, 1f);
        if (!await AnswersAsync(retrieval, low, cancellationToken)) return low;
        for (var step = 0; step < BisectionSteps; step++)
        {
            var middle = (low + high) / 2;
            if (await AnswersAsync(retrieval, middle, cancellationToken)) low = middle;
            else high = middle;
        }
        return low;
    }

    private async Task<bool> AnswersAsync(Retrieval.Retrieval retrieval, float threshold, CancellationToken cancellationToken)
    {
        var draft = await new ExtractiveComposer(store, options with { RelevanceThreshold = threshold }).ComposeAsync(retrieval, cancellationToken);
        return draft.Statements.Count > 0 || draft.Lead is not null;
    }

    /// <summary>A statement's support by a document is its best cosine with one of the document's stored sentences, as the verifier scores it.</summary>
    private async Task<List<(SupportCase Case, float Best)>> SupportScoresAsync(IReadOnlyList<SupportCase> cases, CancellationToken cancellationToken)
    {
        var vectors = await embedder.EmbedAsync(cases.Select(c => c.Statement).ToList(), cancellationToken);
        var scores = new List<(SupportCase, float)>();
        for (var i = 0; i < cases.Count; i++)
        {
            var document = await store.GetDocumentAsync(cases[i].DocumentId, cancellationToken) ?? throw new CalibrationFailedException(
                $"Support calibration case {i + 1} names the document '{cases[i].DocumentId}', which the store does not hold: calibrate a store that holds the seed corpus.");
            var sentences = await store.GetSentenceVectorsAsync(document.Chunks.Select(c => c.ChunkId).ToList(), cancellationToken);
            scores.Add((cases[i], sentences.Values.SelectMany(v => v).Max(s => VectorMath.Cosine(vectors[i], s))));
        }
        return scores;
    }
}
