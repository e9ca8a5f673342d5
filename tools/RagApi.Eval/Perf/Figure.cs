using System.Globalization;

namespace RagApi.Eval.Perf;

/// <summary>One printed figure beside the reference it should be compared with, and their ratio.</summary>
public sealed record Figure(string Name, double Value, string Unit, string Reference, double ReferenceValue)
{
    public double Ratio => ReferenceValue == 0 ? 0 : Value / ReferenceValue;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"  {Name,-44} {Value,10:F1} {Unit,-9} | {Reference,-40} {ReferenceValue,10:F1} {Unit,-9} | ratio {Ratio,6:F2}");
}

internal static class Measure
{
    public static async Task<double> MillisecondsAsync(Func<Task> action)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await action();
        return System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>Wall milliseconds and process CPU seconds: CPU time stays comparable when other work shares the machine.</summary>
    public static async Task<(double WallMs, double CpuSeconds)> WallAndCpuAsync(Func<Task> action)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = await MillisecondsAsync(action);
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }
}
