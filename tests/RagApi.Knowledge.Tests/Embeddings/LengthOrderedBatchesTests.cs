using RagApi.Knowledge.Embeddings;

namespace RagApi.Knowledge.Tests.Embeddings;

public sealed class LengthOrderedBatchesTests
{
    [Fact]
    public void A_model_run_stopped_by_its_cancelled_token_reports_the_cancellation_not_a_model_failure()
    {
        using var model = new MiniLmModel();
        using var cancellation = new CancellationTokenSource();

        // Cancelled as the batch starts (past the check before it), as a request timeout lands mid-inference.
        var thrown = Record.Exception(() => LengthOrderedBatches.Embed([model.Tokenize("LEMS is treated with 3,4-diaminopyridine.")], ids => ids.Length,
            (batch, token) => { cancellation.Cancel(); return model.Embed(batch, token); }, cancellation.Token));

        Assert.Equal((typeof(OperationCanceledException), cancellation.Token), (thrown?.GetType(), (thrown as OperationCanceledException)?.CancellationToken));
    }
}
