using System.Globalization;
using RagApi.Eval.Metrics;

namespace RagApi.Eval.Perf;

public sealed record LoadResult(string Endpoint, int Clients, int Requests, int Failures, double P50, double P95, double P99, double PerSecond)
{
    public static LoadResult Of(string endpoint, int clients, IReadOnlyCollection<double> milliseconds, int failures, double wallMs) =>
        new(endpoint, clients, milliseconds.Count, failures, Percentiles.Of(milliseconds, 50), Percentiles.Of(milliseconds, 95),
            Percentiles.Of(milliseconds, 99), milliseconds.Count / (wallMs / 1000));

    public string ToString(double referenceMs, double idealPerSecond) => string.Create(CultureInfo.InvariantCulture,
        $"  {Endpoint,-7} {Clients,3} clients {Requests,4} req  p50 {P50,7:F1}  p95 {P95,7:F1}  p99 {P99,7:F1} ms  {PerSecond,7:F1} req/s | p50 / in-process {referenceMs:F1} ms = {P50 / referenceMs,6:F2} | req/s / ideal {idealPerSecond:F1} = {PerSecond / idealPerSecond:F2}{(Failures > 0 ? $"  ({Failures} failed)" : "")}");
}
