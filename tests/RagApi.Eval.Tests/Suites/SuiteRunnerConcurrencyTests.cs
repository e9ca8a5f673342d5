using RagApi.Eval.Suites;
using RagApi.Eval.Targets;
using RagApi.Eval.Tests.Support;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Condensing;

namespace RagApi.Eval.Tests.Suites;

public sealed class SuiteRunnerConcurrencyTests
{
    private static IReadOnlyList<SuiteCase> Cases(int count) =>
        Enumerable.Range(0, count).Select(i => new SuiteCase($"c{i}", $"question {i}", [], [], [], false, $"t:{i}")).ToList();

    [Fact]
    public async Task No_more_cases_than_the_concurrency_are_in_flight_and_results_keep_suite_order()
    {
        var target = new GatedTarget(release: 2);
        var results = await new SuiteRunner(target, 5, SampleAnswers.Disclaimer).RunAsync(Cases(8), 2, null, TestContext.Current.CancellationToken);

        Assert.Equal((2, "c0 c1 c2 c3 c4 c5 c6 c7"), (target.MostInFlight, string.Join(" ", results.Select(r => r.Id))));
    }

    [Fact]
    public async Task A_cancelled_run_returns_the_cases_finished_before_the_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        var target = new CancelAfterTarget(answered: 3, cancel);

        var results = await new SuiteRunner(target, 5, SampleAnswers.Disclaimer).RunAsync(Cases(10), 1, null, cancel.Token);

        Assert.Equal(["c0", "c1", "c2"], results.Select(r => r.Id));
    }

    /// <summary>Holds each call until `release` calls are in flight together, recording the most seen at once.</summary>
    private sealed class GatedTarget(int release) : IEvalTarget
    {
        private readonly Lock _lock = new();
        private int _inFlight;
        private TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int MostInFlight { get; private set; }

        public string Description => "gated";

        public async Task<ClinicalAnswer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
        {
            Task wait;
            lock (_lock)
            {
                _inFlight++;
                MostInFlight = Math.Max(MostInFlight, _inFlight);
                wait = _gate.Task;
                if (_inFlight == release) _gate.TrySetResult();
            }
            await wait.WaitAsync(cancellationToken);
            lock (_lock)
            {
                _inFlight--;
                if (_inFlight == 0) _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            return SampleAnswers.Valid();
        }

        public Task<IReadOnlyList<string>> SearchDocumentsAsync(string query, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Answers `answered` questions, then cancels the run (as Ctrl+C does) while the next one is in flight.</summary>
    private sealed class CancelAfterTarget(int answered, CancellationTokenSource cancel) : IEvalTarget
    {
        private int _calls;

        public string Description => "cancelling";

        public async Task<ClinicalAnswer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
        {
            if (++_calls <= answered) return SampleAnswers.Valid();
            await cancel.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            return SampleAnswers.Valid();
        }

        public Task<IReadOnlyList<string>> SearchDocumentsAsync(string query, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
