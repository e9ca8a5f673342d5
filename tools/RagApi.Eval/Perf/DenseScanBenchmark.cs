using System.Globalization;
using System.Numerics.Tensors;
using RagApi.Eval.Metrics;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Embedded;

namespace RagApi.Eval.Perf;

/// <summary>
/// Exact dense retrieval over 10k, 100k and 1M synthetic unit vectors (384 dimensions) in the store's own dense
/// index, beside the time a single core needs just to read that many bytes (memory bandwidth measured here).
/// </summary>
internal static class DenseScanBenchmark
{
    public const int Dimensions = 384;
    private const int Queries = 20;

    public static IReadOnlyList<string> Run(IReadOnlyList<int> sizes)
    {
        var random = new Random(6);
        var lines = new List<string>();
        var bandwidth = MemoryBandwidth.GigabytesPerSecond(sizes.Max() * Dimensions);
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"  memory bandwidth (one core, sequential float read): {bandwidth:F2} GB/s"));
        foreach (var size in sizes)
        {
            var index = new DenseIndex(Dimensions, SyntheticRows(size, random));
            var queries = Enumerable.Range(0, Queries).Select(_ => UnitVector(random)).ToList();
            index.Search(queries[0], SearchFilters.None, 50);
            var times = queries.Select(q => Time(() => index.Search(q, SearchFilters.None, 50))).ToList();
            var floorMs = (double)size * Dimensions * sizeof(float) / (bandwidth * 1e9) * 1000;
            var p50 = Percentiles.Of(times, 50);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {size,9:N0} chunks  p50 {p50,8:F2} ms  p95 {Percentiles.Of(times, 95),8:F2} ms | reading {size * (double)Dimensions * 4 / 1e6:F0} MB at that bandwidth {floorMs,7:F2} ms | ratio {p50 / floorMs,5:F2}"));
        }
        return lines;
    }

    private static double Time(Action action)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        action();
        return System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static List<(long, string, DocumentKind, int?, float[])> SyntheticRows(int count, Random random)
    {
        var rows = new List<(long, string, DocumentKind, int?, float[])>(count);
        for (var i = 0; i < count; i++) rows.Add((i, $"doc{i / 8}", i % 3 == 0 ? DocumentKind.Guideline : DocumentKind.Research, 2000 + i % 25, UnitVector(random)));
        return rows;
    }

    private static float[] UnitVector(Random random)
    {
        var vector = new float[Dimensions];
        for (var i = 0; i < vector.Length; i++) vector[i] = (float)(random.NextDouble() * 2 - 1);
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}

internal static class MemoryBandwidth
{
    /// <summary>Best of five sequential sums over an array of this many floats: the rate one core reads memory.</summary>
    public static double GigabytesPerSecond(long floats)
    {
        var data = new float[floats];
        data.AsSpan().Fill(1f);
        var best = double.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var sum = TensorPrimitives.Sum(data);
            var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (sum < 0) Console.Write("");
            best = Math.Min(best, seconds);
        }
        return floats * sizeof(float) / best / 1e9;
    }
}
