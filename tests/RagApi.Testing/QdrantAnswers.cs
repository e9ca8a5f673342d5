using Google.Protobuf;
using Qdrant.Client.Grpc;
using RagApi.Knowledge.Storage.Qdrant;

namespace RagApi.Testing;

/// <summary>Well-formed Qdrant responses for the fake, shaped as the server sends them.</summary>
internal static class QdrantAnswers
{
    public static PointsOperationResponse Completed() => new() { Result = new UpdateResult { Status = UpdateStatus.Completed } };

    public static CollectionExistsResponse Exists(bool exists) => new() { Result = new CollectionExists { Exists = exists } };

    public static CollectionOperationResponse Done() => new() { Result = true };

    /// <summary>A RagApi collection; <paramref name="model"/> null for one that records no model.</summary>
    public static GetCollectionInfoResponse Collection(string? model, int dimensions)
    {
        var config = new CollectionConfig
        {
            Params = new CollectionParams
            {
                VectorsConfig = new VectorsConfig { ParamsMap = new VectorParamsMap { Map = { [QdrantCollectionLayout.DenseVector] = new VectorParams { Size = (ulong)dimensions, Distance = Distance.Cosine } } } },
                SparseVectorsConfig = new SparseVectorConfig { Map = { [QdrantCollectionLayout.SparseVector] = new SparseVectorParams { Modifier = Modifier.Idf } } },
            },
        };
        if (model is not null)
            foreach (var (key, value) in QdrantCollectionLayout.Metadata(model, dimensions)) config.Metadata[key] = value;
        return new GetCollectionInfoResponse { Result = new CollectionInfo { Status = CollectionStatus.Green, Config = config } };
    }

    /// <summary>The health check's answer; Qdrant puts its own version in it (e.g. "1.16.3").</summary>
    public static HealthCheckReply Health(string version = "1.16.0") => new() { Title = "qdrant - vector search engine", Version = version };

    public static CountResponse Count(ulong count) => new() { Result = new CountResult { Count = count } };

    /// <summary>Answers to every call an indexing run and a search make on a healthy collection bound to this model.</summary>
    public static IMessage? Healthy(string method, string model, int dimensions, Func<QueryBatchResponse>? search = null) => method switch
    {
        "Qdrant/HealthCheck" => Health(),
        "Collections/CollectionExists" => Exists(true),
        "Collections/Get" => Collection(model, dimensions),
        "Points/CreateFieldIndex" or "Points/Upsert" or "Points/Delete" => Completed(),
        "Points/Count" => Count(1),
        "Points/Scroll" => new ScrollResponse(),
        "Points/Get" => new GetResponse(),
        "Points/QueryBatch" => search?.Invoke() ?? new QueryBatchResponse(),
        _ => throw FakeQdrant.Fault(Grpc.Core.StatusCode.Unimplemented, method),
    };
}
