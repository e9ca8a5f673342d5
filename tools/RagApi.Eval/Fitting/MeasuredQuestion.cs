using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Composing.Selection;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;

namespace RagApi.Eval.Fitting;

/// <summary>A candidate sentence as the fit sees it: its features, whether it answers, whether its document may rightly be cited.</summary>
internal sealed record MeasuredCandidate(SentenceCandidate Candidate, bool Positive, bool FromRelevantDocument)
{
    public double[] Features => Candidate.Features;
}

/// <summary>A labelled question run through retrieval exactly as an answer is, with each candidate sentence's features and label.</summary>
/// <param name="Shape">The question as retrieval read it (a follow-up condensed with its conversation), split into subject and aspects.</param>
internal sealed record MeasuredQuestion(LabelledQuestion Question, IReadOnlyList<MeasuredCandidate> Candidates, double BestCosine, double SubjectCoverage,
    QuestionShape Shape)
{
    public bool HasAnswer => Candidates.Any(c => c.Positive);

    public static async Task<MeasuredQuestion> MeasureAsync(KnowledgeServices services, LabelledQuestion question, CancellationToken cancellationToken)
    {
        var options = services.Options;
        var standalone = QuestionCondenser.Condense(question.Question, question.History);
        var retrieval = await services.Retriever.RetrieveAsync(standalone, SearchFilters.None, options.DefaultTopK * options.RetrievalDepthFactor, cancellationToken);
        var shape = QuestionShape.Of(standalone);
        var candidates = (await SentenceCandidates.CollectAsync(services.Store, retrieval, shape, cancellationToken))
            .Where(c => !c.NeedsNeighbours)
            .ToList();
        return new MeasuredQuestion(question,
            candidates.Select(c => new MeasuredCandidate(c, question.IsAnswer(c.Passage.Chunk.DocumentId, c.Text), question.IsRelevant(c.Passage.Chunk.DocumentId))).ToList(),
            candidates.Count == 0 ? 0 : candidates.Max(c => c.SentenceCosine),
            SentenceCandidates.SubjectCoverage(retrieval, shape, 3),
            shape);
    }
}
