using Qdrant.Client.Grpc;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Qdrant;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Store.Qdrant;

/// <summary>
/// The calibrated thresholds as collection metadata, next to the model binding. Qdrant merges an update's metadata
/// into what the collection records (lib/collection/src/collection/collection_ops.rs, update_metadata).
/// </summary>
public sealed class QdrantCalibrationTests
{
    private const string Model = QdrantHarness.Model;
    private readonly QdrantHarness _qdrant = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private void Serve(GetCollectionInfoResponse collection) => _qdrant.Server.Answer = (method, _) => method switch
    {
        "Collections/CollectionExists" => QdrantAnswers.Exists(true),
        "Collections/Get" => collection,
        "Collections/Update" => QdrantAnswers.Done(),
        _ => throw FakeQdrant.Fault(Grpc.Core.StatusCode.Unimplemented, method),
    };

    [Fact]
    public async Task Saving_sends_the_thresholds_as_collection_metadata()
    {
        Serve(QdrantAnswers.Collection(Model, 64));

        await _qdrant.Store.SaveCalibrationAsync(new ModelCalibration(Model, 0.25f, 0.375f), _ct);

        var metadata = _qdrant.Server.Requests<UpdateCollection>("Collections/Update").Single().Metadata;
        Assert.Equal((Model, "0.25", "0.375"), (metadata[QdrantCollectionLayout.CalibratedModelKey].StringValue,
            metadata[QdrantCollectionLayout.RelevanceKey].StringValue, metadata[QdrantCollectionLayout.SupportKey].StringValue));
    }

    [Fact]
    public async Task A_collection_recording_thresholds_reads_back_as_its_calibration()
    {
        var collection = QdrantAnswers.Collection(Model, 64);
        foreach (var (key, value) in QdrantCollectionLayout.Metadata(new ModelCalibration(Model, 0.25f, 0.375f))) collection.Result.Config.Metadata[key] = value;
        Serve(collection);

        Assert.Equal(new ModelCalibration(Model, 0.25f, 0.375f), await _qdrant.Store.GetCalibrationAsync(_ct));
    }

    [Fact]
    public async Task A_collection_bound_to_another_model_refuses_the_calibration_and_writes_nothing()
    {
        Serve(QdrantAnswers.Collection("other/model", 64));

        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => _qdrant.Store.SaveCalibrationAsync(new ModelCalibration(Model, 0.25f, 0.375f), _ct));
        Assert.Equal(0, _qdrant.Server.CallsTo("Collections/Update"));
    }
}
