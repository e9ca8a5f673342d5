using System.Globalization;
using RagApi.Eval.Metrics;

namespace RagApi.Eval.Perf;

/// <summary>
/// One load level's outcome. Figures come only from successful requests, and a level with any failed request
/// prints its failures instead of figures: a throughput made partly of 429s is not a throughput.
/// </summary>
public sealed record LoadOutcome(string Endpoint, string Questions, int Clients, IReadOnlyList<double> SuccessMs, IReadOnlyDictionary<string, int> Failures, double WallMs)
{
    public int Failed => Failures.Values.Sum();

    public bool Clean => Failed == 0 && SuccessMs.Count > 0;

    public double P50 => Percentiles.Of(SuccessMs.ToList(), 50);

    public double P95 => Percentiles.Of(SuccessMs.ToList(), 95);

    public double P99 => Percentiles.Of(SuccessMs.ToList(), 99);

    public double PerSecond => SuccessMs.Count / (WallMs / 1000);

    public string Line(double ceilingPerSecond, string ceilingName) => Clean
        ? string.Create(CultureInfo.InvariantCulture,
            $"  {Endpoint,-6} {Questions,-5} {Clients,3} clients {SuccessMs.Count,5} ok  p50 {P50,7:F1}  p95 {P95,7:F1}  p99 {P99,7:F1} ms  {PerSecond,6:F1} /s | {ceilingName} {ceilingPerSecond,6:F1} /s | ratio {PerSecond / ceilingPerSecond,5:F2}")
        : string.Create(CultureInfo.InvariantCulture,
            $"  {Endpoint,-6} {Questions,-5} {Clients,3} clients FAILED: {Failed} of {Failed + SuccessMs.Count} requests failed ({string.Join(", ", Failures.Select(f => $"{f.Key} x{f.Value}"))}); no figures printed");
}
