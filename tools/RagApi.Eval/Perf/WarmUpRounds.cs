using System.Globalization;

namespace RagApi.Eval.Perf;

/// <summary>
/// A process just started runs its first answers through the JIT's early tiers: measured here from cold starts,
/// 16 clients of a new server went from about 100 to about 210 answers/s, in one step somewhere between the
/// 1,800th and the 2,600th answer. Figures taken before that measure the JIT, not the service, so a benchmark
/// answers in rounds of <see cref="RoundAnswers"/>, at least <see cref="MinimumAnswers"/>, until two rounds in a
/// row gain less than <see cref="Gain"/> over the best round before them (at most <see cref="MaximumAnswers"/>).
/// </summary>
internal static class WarmUpRounds
{
    public const int RoundAnswers = 256;
    public const int MinimumAnswers = 3_072;
    public const int MaximumAnswers = 8_192;
    public const double Gain = 0.05;

    public static bool Steady(IReadOnlyList<double> roundsPerSecond)
    {
        if (roundsPerSecond.Count * RoundAnswers >= MaximumAnswers) return true;
        if (roundsPerSecond.Count * RoundAnswers < MinimumAnswers || roundsPerSecond.Count < 3) return false;
        var bestBefore = roundsPerSecond.Take(roundsPerSecond.Count - 2).Max();
        return roundsPerSecond.TakeLast(2).All(rate => rate < bestBefore * (1 + Gain));
    }

    /// <summary>Runs rounds until <see cref="Steady"/>, or until a round has failed requests; returns each round's answers/s and the failures.</summary>
    /// <param name="round">Runs one round of <see cref="RoundAnswers"/> answers starting at the given question offset.</param>
    public static async Task<(IReadOnlyList<double> RoundsPerSecond, int Failed)> RunAsync(Func<int, Task<(double PerSecond, int Failed)>> round)
    {
        var rounds = new List<double>();
        var failed = 0;
        do
        {
            var (perSecond, roundFailed) = await round(rounds.Count * RoundAnswers);
            failed += roundFailed;
            rounds.Add(perSecond);
        }
        while (!Steady(rounds) && failed == 0);
        return (rounds, failed);
    }

    public static string Describe(IReadOnlyList<double> roundsPerSecond) => string.Create(CultureInfo.InvariantCulture,
        $"{roundsPerSecond.Count * RoundAnswers} seed answers until answers/s stopped rising ({string.Join(", ", roundsPerSecond.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))} /s per round of {RoundAnswers})");
}
