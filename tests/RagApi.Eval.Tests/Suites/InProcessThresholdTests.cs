using RagApi.Eval;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Storage;
using RagApi.Testing;

namespace RagApi.Eval.Tests.Suites;

/// <summary>In-process runs answer with the threshold the API would use on the same store, unless one is given.</summary>
public sealed class InProcessThresholdTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly MiniLmEmbedder _embedder = new();

    private async Task<string> CalibratedStoreAsync(float relevance)
    {
        var ct = TestContext.Current.CancellationToken;
        await _temp.Store.EnsureEmbeddingModelAsync(_embedder.ModelId, _embedder.Dimensions, ct);
        await _temp.Store.SaveCalibrationAsync(new ModelCalibration(_embedder.ModelId, relevance, 0.5f), ct);
        return _temp.Path;
    }

    [Fact]
    public async Task A_store_calibrated_for_its_model_sets_the_relevance_threshold()
    {
        using var services = new KnowledgeServices(await CalibratedStoreAsync(0.61f), new AnswerOptions(), _embedder);

        Assert.Equal(0.61f, services.Options.RelevanceThreshold);
    }

    [Fact]
    public async Task A_threshold_given_on_the_command_line_wins_over_the_stores()
    {
        using var services = new KnowledgeServices(await CalibratedStoreAsync(0.61f), new AnswerOptions(), _embedder, relevanceThreshold: 0.3f);

        Assert.Equal(0.3f, services.Options.RelevanceThreshold);
    }

    public void Dispose()
    {
        _embedder.Dispose();
        _temp.Dispose();
    }
}
