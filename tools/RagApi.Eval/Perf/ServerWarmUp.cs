using System.Globalization;

namespace RagApi.Eval.Perf;

/// <summary>
/// A server just started runs its first answers through the JIT's early tiers: measured here from cold starts,
/// 16 clients went from about 100 to about 210 answers/s, in one step somewhere between the 1,800th and the
/// 2,600th answer. Figures taken before that measure
/// the JIT, not the service, so the load levels start only once answers/s has stopped rising: rounds of
/// <see cref="RoundAnswers"/> seed answers, at least <see cref="MinimumAnswers"/>, until two rounds in a row gain
/// less than <see cref="Gain"/> over the best round before them (at most <see cref="MaximumAnswers"/>).
/// </summary>
internal static class ServerWarmUp
{
    public const int Clients = 16;
    public const int RoundAnswers = 256;
    public const int MinimumAnswers = 3_072;
    public const int MaximumAnswers = 8_192;
    public const double Gain = 0.05;

    public sealed record Outcome(IReadOnlyList<double> RoundsPerSecond, int Failed)
    {
        public int Answers => RoundsPerSecond.Count * RoundAnswers;

        public string Line => string.Create(CultureInfo.InvariantCulture,
            $"  warm-up: {Answers} seed answers at {Clients} clients until answers/s stopped rising ({string.Join(", ", RoundsPerSecond.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))} /s per round of {RoundAnswers}), {Failed} failed");
    }

    public static bool Steady(IReadOnlyList<double> roundsPerSecond)
    {
        if (roundsPerSecond.Count * RoundAnswers >= MaximumAnswers) return true;
        if (roundsPerSecond.Count * RoundAnswers < MinimumAnswers || roundsPerSecond.Count < 3) return false;
        var bestBefore = roundsPerSecond.Take(roundsPerSecond.Count - 2).Max();
        return roundsPerSecond.TakeLast(2).All(rate => rate < bestBefore * (1 + Gain));
    }

    public static async Task<Outcome> RunAsync(ClientLoad load, IReadOnlyList<string> seedQuestions, CancellationToken cancellationToken)
    {
        var rounds = new List<double>();
        var failed = 0;
        do
        {
            var round = await load.RunAsync("answer", "seed", seedQuestions, rounds.Count * RoundAnswers, Clients, RoundAnswers, cancellationToken);
            failed += round.Failed;
            rounds.Add(round.PerSecond);
        }
        while (!Steady(rounds) && failed == 0);
        return new Outcome(rounds, failed);
    }
}
