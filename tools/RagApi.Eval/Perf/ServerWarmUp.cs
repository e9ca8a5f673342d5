namespace RagApi.Eval.Perf;

/// <summary>The API server warmed up by <see cref="WarmUpRounds"/> of seed answers at 16 clients.</summary>
internal static class ServerWarmUp
{
    public const int Clients = 16;

    public sealed record Outcome(IReadOnlyList<double> RoundsPerSecond, int Failed)
    {
        public string Line => $"  warm-up at {Clients} clients: {WarmUpRounds.Describe(RoundsPerSecond)}, {Failed} failed";
    }

    public static async Task<Outcome> RunAsync(ClientLoad load, IReadOnlyList<string> seedQuestions, CancellationToken cancellationToken)
    {
        var (rounds, failed) = await WarmUpRounds.RunAsync(async offset =>
        {
            var round = await load.RunAsync("answer", "seed", seedQuestions, offset, Clients, WarmUpRounds.RoundAnswers, cancellationToken);
            return (round.PerSecond, round.Failed);
        });
        return new Outcome(rounds, failed);
    }
}
