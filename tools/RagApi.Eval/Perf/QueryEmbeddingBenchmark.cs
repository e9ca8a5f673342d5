using RagApi.Eval.Metrics;
using RagApi.Knowledge.Embeddings;

namespace RagApi.Eval.Perf;

/// <summary>
/// One question embedded alone (with the model's query prefix), as an answer does, for each local model: the median of <see cref="Repetitions"/>
/// embeddings of the calibration questions in turn. The answer's p50 target is 1.5x this time.
/// </summary>
internal static class QueryEmbeddingBenchmark
{
    public const int Repetitions = 200;

    public static async Task<IReadOnlyList<Figure>> RunAsync(IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        var medians = new List<(LocalEmbeddingModel Model, double Ms)>();
        foreach (var model in Enum.GetValues<LocalEmbeddingModel>())
        {
            var embedder = LocalEmbedders.Create(model);
            using var owned = (IDisposable)embedder;
            await embedder.EmbedAsync(questions.Take(4).ToList(), cancellationToken);
            var times = new List<double>(Repetitions);
            for (var i = 0; i < Repetitions; i++)
            {
                var question = questions[i % questions.Count];
                times.Add(await Measure.MillisecondsAsync(() => embedder.EmbedQueryAsync(question, cancellationToken)));
            }
            medians.Add((model, Percentiles.Of(times, 50)));
        }
        var reference = medians[0];
        return medians.Select(m => new Figure($"{m.Model} one query embedding (median of {Repetitions})", m.Ms, "ms", $"{reference.Model} one query embedding", reference.Ms)).ToList();
    }
}
