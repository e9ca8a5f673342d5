using System.Collections.Concurrent;
using System.Globalization;
using RagApi.Knowledge.Embeddings;

namespace RagApi.Knowledge.Tests.Embeddings;

public sealed class BatchingQueryEmbedderTests
{
    [Fact]
    public async Task A_lone_question_goes_to_the_model_by_itself()
    {
        var model = new RecordingEmbedder();
        await using var embedder = new BatchingQueryEmbedder(model);

        var vector = await embedder.EmbedAsync(["7"], TestContext.Current.CancellationToken);

        Assert.Equal(("1", 7f), (string.Join(",", model.BatchSizes), vector[0][0]));
    }

    [Fact]
    public async Task Questions_that_wait_while_the_model_is_busy_are_embedded_in_one_call_and_each_gets_its_own_vector()
    {
        var model = new RecordingEmbedder { HoldFirstCall = true };
        await using var embedder = new BatchingQueryEmbedder(model);
        var first = embedder.EmbedAsync(["0"], TestContext.Current.CancellationToken);
        await model.FirstCallStarted.Task;
        var waiting = Enumerable.Range(1, 5).Select(i => embedder.EmbedAsync([i.ToString(CultureInfo.InvariantCulture)], TestContext.Current.CancellationToken)).ToList();
        await RecordingEmbedder.WaitUntilQueuedAsync(embedder, 5);

        model.ReleaseFirstCall.SetResult();
        var vectors = await Task.WhenAll(waiting.Prepend(first));

        Assert.Equal(("1,5", "0,1,2,3,4,5"), (string.Join(",", model.BatchSizes), string.Join(",", vectors.Select(v => v[0][0]))));
    }

    [Fact]
    public async Task A_call_with_several_texts_goes_straight_to_the_model()
    {
        var model = new RecordingEmbedder();
        await using var embedder = new BatchingQueryEmbedder(model);

        await embedder.EmbedAsync(["1", "2", "3"], TestContext.Current.CancellationToken);

        Assert.Equal("3", string.Join(",", model.BatchSizes));
    }

    [Fact]
    public async Task A_model_failure_reaches_every_question_of_the_batch()
    {
        var model = new RecordingEmbedder { Fail = true };
        await using var embedder = new BatchingQueryEmbedder(model);

        await Assert.ThrowsAsync<InvalidOperationException>(() => embedder.EmbedAsync(["1"], TestContext.Current.CancellationToken));
    }

    /// <summary>Returns for each text a one-number vector holding the text's number; can hold its first call open.</summary>
    private sealed class RecordingEmbedder : ITextEmbedder
    {
        private int _calls;

        public ConcurrentQueue<int> BatchSizes { get; } = new();

        public bool HoldFirstCall { get; init; }

        public bool Fail { get; init; }

        public TaskCompletionSource FirstCallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource ReleaseFirstCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string ModelId => "recording";

        public int Dimensions => 1;

        public int CountTokens(string text) => 1;

        public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        {
            if (Fail) throw new InvalidOperationException("model down");
            if (Interlocked.Increment(ref _calls) == 1 && HoldFirstCall)
            {
                FirstCallStarted.SetResult();
                await ReleaseFirstCall.Task;
            }
            BatchSizes.Enqueue(texts.Count);
            return texts.Select(t => new[] { float.Parse(t, CultureInfo.InvariantCulture) }).ToArray();
        }

        /// <summary>The queued questions are not observable from outside, so wait on the embedder's own count.</summary>
        public static async Task WaitUntilQueuedAsync(BatchingQueryEmbedder embedder, int count)
        {
            while (embedder.Waiting < count) await Task.Yield();
        }
    }
}
