using System.Diagnostics;
using System.Globalization;
using RagApi.Eval.Metrics;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Storage;

namespace RagApi.Eval.Perf;

/// <summary>
/// The extractive answer in-process on the embedded seed store beside one query embedding through the same
/// embedder: each question is embedded alone and then answered, in turn, so both are measured under the same
/// load on a shared machine. The answer's p50 target is <see cref="Target"/> x the embedding's p50. Measuring
/// starts once <see cref="WarmUpRounds"/> of seed answers have stopped getting faster (the embedding is native
/// code and needs no warming; the answer's own work is the JIT's).
/// </summary>
internal static class AnswerLatencyBenchmark
{
    public const double Target = 1.5;
    private const int Requests = 400;

    public static async Task<IReadOnlyList<string>> RunAsync(string storePath, IReadOnlyList<(string Name, IReadOnlyList<string> Questions)> sets, CancellationToken cancellationToken)
    {
        using var services = new KnowledgeServices(storePath, new AnswerOptions());
        var lines = new List<string> { $"  warm-up: {WarmUpRounds.Describe(await WarmUpAsync(services, sets[0].Questions, cancellationToken))}" };
        foreach (var (name, questions) in sets)
        {
            var embeddings = new List<double>(Requests);
            var answers = new List<double>(Requests);
            var refused = 0;
            for (var i = 0; i < Requests; i++)
            {
                var question = questions[i % questions.Count];
                embeddings.Add(await Measure.MillisecondsAsync(() => services.Embedder.EmbedQueryAsync(question, cancellationToken)));
                var started = Stopwatch.GetTimestamp();
                var answer = await services.Answers.AnswerAsync(Query(question), cancellationToken);
                answers.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (answer.InsufficientEvidence) refused++;
            }
            var (embedding, answer50, answer95) = (Percentiles.Of(embeddings, 50), Percentiles.Of(answers, 50), Percentiles.Of(answers, 95));
            var ratio = answer50 / embedding;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  answer {name,-6} {Requests} answers over {Math.Min(Requests, questions.Count)} questions ({refused} refused): p50 {answer50:F2} ms  p95 {answer95:F2} ms | one query embedding p50 {embedding:F2} ms | ratio {ratio:F2}"));
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"    target {(ratio <= Target ? "met   " : "MISSED")} answer p50 {answer50:F2} ms <= {Target} x one query embedding {embedding:F2} ms = {Target * embedding:F2} ms"));
        }
        return lines;
    }

    private static async Task<IReadOnlyList<double>> WarmUpAsync(KnowledgeServices services, IReadOnlyList<string> seedQuestions, CancellationToken cancellationToken)
    {
        var (rounds, _) = await WarmUpRounds.RunAsync(async offset =>
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < WarmUpRounds.RoundAnswers; i++)
                await services.Answers.AnswerAsync(Query(seedQuestions[(offset + i) % seedQuestions.Count]), cancellationToken);
            return (WarmUpRounds.RoundAnswers / Stopwatch.GetElapsedTime(started).TotalSeconds, 0);
        });
        return rounds;
    }

    private static AnswerQuery Query(string question) => new(question, [], SearchFilters.None, null);
}
