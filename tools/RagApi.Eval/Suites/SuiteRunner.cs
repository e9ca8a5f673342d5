using System.Diagnostics;
using RagApi.Eval.Judging;
using RagApi.Eval.Metrics;
using RagApi.Eval.Targets;

namespace RagApi.Eval.Suites;

/// <summary>Asks every case of a suite and measures the answer against what the case expects.</summary>
/// <remarks>With a judge, every answered case's statements are also judged against their cited passages.</remarks>
public sealed class SuiteRunner(IEvalTarget target, int recallK, string? expectedDisclaimer, ICitationJudge? judge = null)
{
    public Task<IReadOnlyList<CaseResult>> RunAsync(IReadOnlyList<SuiteCase> cases, Action<CaseResult>? onCase, CancellationToken cancellationToken) =>
        RunAsync(cases, 1, onCase, cancellationToken);

    /// <summary>
    /// At most <paramref name="concurrency"/> cases in flight; results come back in suite order. When cancelled
    /// (Ctrl+C), the cases finished so far are returned rather than lost.
    /// </summary>
    public async Task<IReadOnlyList<CaseResult>> RunAsync(IReadOnlyList<SuiteCase> cases, int concurrency, Action<CaseResult>? onCase, CancellationToken cancellationToken) =>
        (await BoundedRequests.RunAsync(cases, concurrency, RunAsync, onCase, cancellationToken)).OfType<CaseResult>().ToList();

    private async Task<CitationSupportResult> JudgeAsync(RagApi.Knowledge.Answering.Assembly.ClinicalAnswer answer, CancellationToken cancellationToken)
    {
        try
        {
            return await CitationSupport.JudgeAsync(answer, judge!, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException || e is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The answer was fine; the judge was not: the case fails to run, saying so, rather than scoring it.
            throw new TargetRequestException($"judge: {e.Message}", null, e);
        }
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
            var support = judge is null ? null : await JudgeAsync(answer, cancellationToken);
            return new CaseResult(c.Suite, c.Id, c.Question, answer.StandaloneQuestion, c.ShouldRefuse, answer.InsufficientEvidence,
                CitationStructure.Problems(answer), CitationStructure.HasDisclaimer(answer, expectedDisclaimer),
                c.ShouldRefuse ? null : CitationMetrics.Precision(answer.Citations, expected),
                c.ShouldRefuse ? null : CitationMetrics.Recall(answer.Citations, expected),
                c.ExpectedPhrases.Count == 0 ? null : found.Count / (double)c.ExpectedPhrases.Count,
                c.ExpectedPhrases.Except(found).ToList(),
                c.ExpectedPhrases.Count == 0 ? null : stated.Count / (double)c.ExpectedPhrases.Count,
                c.ExpectedPhrases.Except(stated).ToList(),
                recallAtK, reciprocalRank,
                answer.Citations.Select(x => x.DocumentId).Distinct().ToList(), milliseconds, null,
                FoundPhrases: found, Answer: answer,
                JudgedCitationRecall: support?.Recall, JudgedCitationPrecision: support?.Precision, UnsupportedStatements: support?.Unsupported);
        }
        catch (Exception e) when (e is TargetRequestException or HttpRequestException or InvalidDataException or System.Text.Json.JsonException
                                   || e is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new CaseResult(c.Suite, c.Id, c.Question, c.Question, c.ShouldRefuse, false, [], false, null, null, null, [], null, [], null, null, [],
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.Message,
                HttpStatus: e is TargetRequestException t ? t.Status : e is HttpRequestException h ? (int?)h.StatusCode : null);
        }
    }
}
