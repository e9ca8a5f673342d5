using System.Diagnostics;
using RagApi.Eval.Metrics;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;

namespace RagApi.Eval.Beir;

public sealed record RetrievalScores(SearchMode Mode, double NdcgAt10, double RecallAt1, double RecallAt10, double MrrAt10, double MeanMilliseconds);

public sealed record AnswerScores(
    int Questions, double RelevantCited, double CitationPrecision, double Refused, double CitationsPerAnswer,
    double DocumentsPerAnswer, double StructurallyValid, double MeanMilliseconds);

/// <summary>
/// Runs BEIR queries through the store's search in each mode (the API's retrieval) and through the answer path,
/// scoring documents (a document ranks at its best passage).
/// </summary>
internal sealed class BeirRunner(KnowledgeServices services)
{
    private const int PassageDepth = 40;

    public async Task<IReadOnlyList<RetrievalScores>> RetrieveAsync(BeirDataset data, IReadOnlyList<BeirQuery> queries, CancellationToken cancellationToken)
    {
        var perMode = Enum.GetValues<SearchMode>().ToDictionary(m => m, _ => new List<(double Ndcg, double R1, double R10, double Rr, double Ms)>());
        foreach (var query in queries)
        {
            var vector = (await services.Embedder.EmbedAsync([query.Text], cancellationToken))[0];
            var gains = data.Qrels[query.Id];
            var relevant = gains.Keys.ToHashSet(StringComparer.Ordinal);
            foreach (var mode in perMode.Keys)
            {
                var started = Stopwatch.GetTimestamp();
                var passages = await services.Store.SearchAsync(new PassageQuery(query.Text, vector, SearchFilters.None, PassageDepth, mode), cancellationToken);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var ranked = RankingMetrics.DocumentsInOrder(passages.Select(p => p.Chunk.Document.Id));
                perMode[mode].Add((RankingMetrics.NdcgAt(ranked, gains, 10), RankingMetrics.RecallAt(ranked, relevant, 1),
                    RankingMetrics.RecallAt(ranked, relevant, 10), RankingMetrics.ReciprocalRank(ranked.Take(10).ToList(), relevant), ms));
            }
        }
        return perMode.Select(m => new RetrievalScores(m.Key, m.Value.Average(x => x.Ndcg), m.Value.Average(x => x.R1),
            m.Value.Average(x => x.R10), m.Value.Average(x => x.Rr), m.Value.Average(x => x.Ms))).ToList();
    }

    public async Task<AnswerScores> AnswerAsync(BeirDataset data, IReadOnlyList<BeirQuery> queries, int? topK, CancellationToken cancellationToken)
    {
        int relevantCited = 0, refused = 0, citations = 0, relevantCitations = 0, documents = 0, valid = 0;
        double milliseconds = 0;
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await services.Answers.AnswerAsync(new AnswerQuery(query.Text, [], SearchFilters.None, topK), cancellationToken);
            milliseconds += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var relevant = data.Qrels[query.Id];
            if (answer.InsufficientEvidence) refused++;
            if (answer.Citations.Any(c => relevant.ContainsKey(c.DocumentId))) relevantCited++;
            citations += answer.Citations.Count;
            relevantCitations += answer.Citations.Count(c => relevant.ContainsKey(c.DocumentId));
            documents += answer.Citations.Select(c => c.DocumentId).Distinct().Count();
            if (CitationStructure.Problems(answer).Count == 0) valid++;
        }
        var answered = Math.Max(1, queries.Count - refused);
        double n = Math.Max(1, queries.Count);
        return new AnswerScores(queries.Count, relevantCited / n, citations == 0 ? 0 : relevantCitations / (double)citations,
            refused / n, citations / (double)answered, documents / (double)answered, valid / n, milliseconds / n);
    }
}
