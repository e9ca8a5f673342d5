using System.Diagnostics;
using RagApi.Eval.Metrics;
using RagApi.Eval.Targets;

namespace RagApi.Eval.Suites;

/// <summary>Asks every case of a suite, in order, and measures the answer against what the case expects.</summary>
public sealed class SuiteRunner(IEvalTarget target, int recallK, string? expectedDisclaimer)
{
    public async Task<IReadOnlyList<CaseResult>> RunAsync(IReadOnlyList<SuiteCase> cases, Action<CaseResult>? onCase, CancellationToken cancellationToken)
    {
        var results = new List<CaseResult>(cases.Count);
        foreach (var suiteCase in cases)
        {
            var result = await RunAsync(suiteCase, cancellationToken);
            results.Add(result);
            onCase?.Invoke(result);
        }
        return results;
    }

    public async Task<CaseResult> RunAsync(SuiteCase c, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await target.AnswerAsync(c.Question, c.History, cancellationToken);
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var expected = c.ExpectedSourceIds.ToHashSet(StringComparer.Ordinal);
            double? recallAtK = null, reciprocalRank = null;
            if (expected.Count > 0)
            {
                var ranked = await target.SearchDocumentsAsync(answer.StandaloneQuestion, cancellationToken);
                recallAtK = RankingMetrics.RecallAt(ranked, expected, recallK);
                reciprocalRank = RankingMetrics.ReciprocalRank(ranked, expected);
            }
            var found = CitationMetrics.PhrasesFound(answer.Citations, c.ExpectedPhrases);
            var stated = CitationMetrics.PhrasesStated(answer, c.ExpectedPhrases);
            return new CaseResult(c.Suite, c.Id, c.Question, answer.StandaloneQuestion, c.ShouldRefuse, answer.InsufficientEvidence,
                CitationStructure.Problems(answer), CitationStructure.HasDisclaimer(answer, expectedDisclaimer),
                c.ShouldRefuse ? null : CitationMetrics.Precision(answer.Citations, expected),
                c.ShouldRefuse ? null : CitationMetrics.Recall(answer.Citations, expected),
                c.ExpectedPhrases.Count == 0 ? null : found.Count / (double)c.ExpectedPhrases.Count,
                c.ExpectedPhrases.Except(found).ToList(),
                c.ExpectedPhrases.Count == 0 ? null : stated.Count / (double)c.ExpectedPhrases.Count,
                c.ExpectedPhrases.Except(stated).ToList(),
                recallAtK, reciprocalRank,
                answer.Citations.Select(x => x.DocumentId).Distinct().ToList(), milliseconds, null);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidDataException or System.Text.Json.JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new CaseResult(c.Suite, c.Id, c.Question, c.Question, c.ShouldRefuse, false, [], false, null, null, null, [], null, [], null, null, [],
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.Message);
        }
    }
}
