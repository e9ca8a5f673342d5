using RagApi.Knowledge.Storage;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Store;

/// <summary>The calibrated thresholds kept with the embedded store's model binding.</summary>
public sealed class SqliteKnowledgeStoreCalibrationTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_bound_store_without_a_calibration_has_none()
    {
        await _temp.Store.EnsureEmbeddingModelAsync("openai:text-embedding-3-small", 256, _ct);

        Assert.Null(await _temp.Store.GetCalibrationAsync(_ct));
    }

    [Fact]
    public async Task A_saved_calibration_reads_back_exactly()
    {
        var calibration = new ModelCalibration("openai:text-embedding-3-small", 0.3123457f, 0.4187f);
        await _temp.Store.EnsureEmbeddingModelAsync(calibration.ModelId, 256, _ct);

        await _temp.Store.SaveCalibrationAsync(calibration, _ct);

        Assert.Equal(calibration, await _temp.Store.GetCalibrationAsync(_ct));
    }

    [Fact]
    public async Task A_calibration_for_another_model_than_the_bound_one_is_refused()
    {
        await _temp.Store.EnsureEmbeddingModelAsync("openai:text-embedding-3-small", 256, _ct);

        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() =>
            _temp.Store.SaveCalibrationAsync(new ModelCalibration("openai:text-embedding-3-large", 0.3f, 0.4f), _ct));
    }
}
