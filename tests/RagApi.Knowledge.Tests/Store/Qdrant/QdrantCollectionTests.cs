using Grpc.Core;
using Qdrant.Client.Grpc;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Qdrant;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Store.Qdrant;

/// <summary>Creating the collection and binding it to one embedding model, seen as the requests the client sends.</summary>
public sealed class QdrantCollectionTests
{
    private const string Model = QdrantHarness.Model;
    private readonly QdrantHarness _qdrant = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private void ServeMissingCollection() => _qdrant.Server.Answer = (method, _) => method switch
    {
        "Qdrant/HealthCheck" => QdrantAnswers.Health(),
        "Collections/CollectionExists" => QdrantAnswers.Exists(false),
        "Collections/Create" => QdrantAnswers.Done(),
        "Points/CreateFieldIndex" => QdrantAnswers.Completed(),
        _ => throw FakeQdrant.Fault(StatusCode.Unimplemented, method),
    };

    private void ServeCollection(string? model, int dimensions) => _qdrant.Server.Answer = (method, _) => method switch
    {
        "Qdrant/HealthCheck" => QdrantAnswers.Health(),
        "Collections/CollectionExists" => QdrantAnswers.Exists(true),
        "Collections/Get" => QdrantAnswers.Collection(model, dimensions),
        "Collections/Update" => QdrantAnswers.Done(),
        "Points/CreateFieldIndex" => QdrantAnswers.Completed(),
        _ => throw FakeQdrant.Fault(StatusCode.Unimplemented, method),
    };

    private async Task<CreateCollection> CreateAsync()
    {
        ServeMissingCollection();
        await _qdrant.Store.EnsureEmbeddingModelAsync(Model, 384, _ct);
        return _qdrant.Server.Requests<CreateCollection>("Collections/Create").Single();
    }

    [Fact]
    public async Task EnsureEmbeddingModel_NoCollection_CreatesANamedDenseVectorSizedForTheEmbedderWithCosine()
    {
        var dense = (await CreateAsync()).VectorsConfig.ParamsMap.Map[QdrantCollectionLayout.DenseVector];

        Assert.Equal((384ul, Distance.Cosine), (dense.Size, dense.Distance));
    }

    [Fact]
    public async Task EnsureEmbeddingModel_NoCollection_CreatesANamedSparseVectorWithQdrantsIdf()
    {
        var sparse = (await CreateAsync()).SparseVectorsConfig.Map[QdrantCollectionLayout.SparseVector];

        Assert.Equal(Modifier.Idf, sparse.Modifier);
    }

    [Fact]
    public async Task EnsureEmbeddingModel_NoCollection_UsesTheConfiguredShardsAndReplicas()
    {
        var create = await CreateAsync();

        Assert.Equal(("passages", 6u, 2u, 2u), (create.CollectionName, create.ShardNumber, create.ReplicationFactor, create.WriteConsistencyFactor));
    }

    [Fact]
    public async Task EnsureEmbeddingModel_NoCollection_RecordsTheModelAndDimensionInTheCollectionMetadata()
    {
        var metadata = (await CreateAsync()).Metadata;

        Assert.Equal((Model, "384"), (metadata[QdrantCollectionLayout.ModelKey].StringValue, metadata[QdrantCollectionLayout.DimensionsKey].StringValue));
    }

    [Fact]
    public async Task EnsureEmbeddingModel_NoCollection_IndexesEveryFilterField()
    {
        await CreateAsync();

        var indexed = _qdrant.Server.Requests<CreateFieldIndexCollection>("Points/CreateFieldIndex").Select(r => (r.FieldName, r.FieldType)).ToList();

        Assert.Equal([("record", FieldType.Keyword), ("document_id", FieldType.Keyword), ("kind", FieldType.Keyword), ("year", FieldType.Integer)], indexed);
    }

    [Fact]
    public async Task EnsureEmbeddingModel_CollectionOfTheSameModel_CreatesNothing()
    {
        ServeCollection(Model, 384);

        await _qdrant.Store.EnsureEmbeddingModelAsync(Model, 384, _ct);

        Assert.Equal((0, 0), (_qdrant.Server.CallsTo("Collections/Create"), _qdrant.Server.CallsTo("Collections/Update")));
    }

    [Fact]
    public async Task EnsureEmbeddingModel_CollectionOfAnotherModel_IsRefusedNamingBothModels()
    {
        ServeCollection("BAAI/bge-small-en-v1.5", 384);

        var refused = await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => _qdrant.Store.EnsureEmbeddingModelAsync(Model, 384, _ct));

        Assert.Contains($"built with 'BAAI/bge-small-en-v1.5' (384 dimensions) but the configured embedder is '{Model}' (384 dimensions)", refused.Message);
    }

    [Fact]
    public async Task EnsureEmbeddingModel_SameModelWithOtherDimensions_IsRefused()
    {
        ServeCollection(Model, 768);

        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => _qdrant.Store.EnsureEmbeddingModelAsync(Model, 384, _ct));
    }

    [Fact]
    public async Task EnsureEmbeddingModel_Refused_WritesNothing()
    {
        ServeCollection("other/model", 384);

        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => _qdrant.Store.EnsureEmbeddingModelAsync(Model, 384, _ct));

        Assert.DoesNotContain(_qdrant.Server.Calls, c => c.Method is "Collections/Update" or "Collections/Create" or "Points/Upsert");
    }

    [Fact]
    public async Task EnsureEmbeddingModel_CollectionWrittenBeforeTheAnalyzerWasRecorded_IsRefusedAskingForANewCollection()
    {
        var collection = QdrantAnswers.Collection(Model, 384);
        collection.Result.Config.Metadata.Remove(QdrantCollectionLayout.AnalyzerKey);
        _qdrant.Server.Answer = (method, _) => method switch
        {
            "Qdrant/HealthCheck" => QdrantAnswers.Health(),
            "Collections/CollectionExists" => QdrantAnswers.Exists(true),
            "Collections/Get" => collection,
            _ => throw FakeQdrant.Fault(StatusCode.Unimplemented, method),
        };

        var refused = await Assert.ThrowsAsync<KnowledgeStoreRefusedException>(() => _qdrant.Store.EnsureEmbeddingModelAsync(Model, 384, _ct));

        Assert.Contains("Index into a new collection (set Qdrant:Collection)", refused.Message);
    }

    [Fact]
    public async Task EnsureEmbeddingModel_UnrecordedCollectionOfTheRightSize_IsAdoptedAndRecordsTheModel()
    {
        ServeCollection(model: null, 384);

        await _qdrant.Store.EnsureEmbeddingModelAsync(Model, 384, _ct);

        var update = _qdrant.Server.Requests<UpdateCollection>("Collections/Update").Single();
        Assert.Equal(Model, update.Metadata[QdrantCollectionLayout.ModelKey].StringValue);
    }

    [Fact]
    public async Task EnsureEmbeddingModel_UnrecordedCollectionOfAnotherSize_IsRefused()
    {
        ServeCollection(model: null, 768);

        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => _qdrant.Store.EnsureEmbeddingModelAsync(Model, 384, _ct));
    }

    [Fact]
    public async Task EnsureEmbeddingModel_AnotherReplicaCreatedTheCollectionFirst_ChecksWhatItRecorded()
    {
        _qdrant.Server.Answer = (method, _) => method switch
        {
            "Qdrant/HealthCheck" => QdrantAnswers.Health(),
            "Collections/CollectionExists" => QdrantAnswers.Exists(false),
            "Collections/Create" => throw FakeQdrant.Fault(StatusCode.AlreadyExists, "Collection `passages` already exists!"),
            "Collections/Get" => QdrantAnswers.Collection("other/model", 384),
            _ => throw FakeQdrant.Fault(StatusCode.Unimplemented, method),
        };

        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => _qdrant.Store.EnsureEmbeddingModelAsync(Model, 384, _ct));
    }

    [Fact]
    public async Task EnsureEmbeddingModel_NoShardNumberConfigured_LeavesItUnsetSoAClusterGetsOneShardPerNode()
    {
        // Qdrant's default shard_number is the number of peers in the cluster (docs: concepts/collections, "Sharding").
        _qdrant.Options.ShardNumber = null;

        var create = await CreateAsync();

        Assert.False(create.HasShardNumber);
    }

    [Fact]
    public async Task EnsureEmbeddingModel_NameHeldByAnAlias_IsRefusedAndTheAliasedCollectionIsNeverAdopted()
    {
        // Qdrant 1.16-1.19 answer a create under an alias's name InvalidArgument
        // "Can't create collection with name X. Alias with the same name already exists" (toc/create_collection.rs).
        _qdrant.Server.Answer = (method, _) => method switch
        {
            "Qdrant/HealthCheck" => QdrantAnswers.Health(),
            "Collections/CollectionExists" => QdrantAnswers.Exists(false),
            "Collections/Create" => throw FakeQdrant.Fault(StatusCode.InvalidArgument,
                "Wrong input: Can't create collection with name passages. Alias with the same name already exists"),
            "Collections/Get" => QdrantAnswers.Collection(model: null, 384),
            _ => QdrantAnswers.Completed(),
        };

        var refused = await Assert.ThrowsAsync<KnowledgeStoreRefusedException>(() => _qdrant.Store.EnsureEmbeddingModelAsync(Model, 384, _ct));

        Assert.Equal((true, 0, 0), (refused.Message.Contains("Qdrant:Collection"), _qdrant.Server.CallsTo("Collections/Update"), _qdrant.Server.CallsTo("Points/CreateFieldIndex")));
    }

    [Theory]
    [InlineData("1.12.6")]
    [InlineData("1.15.5")]
    [InlineData("")]
    public async Task EnsureEmbeddingModel_ServerOlderThan116_IsRefusedNamingTheMinimumBeforeAnythingIsWritten(string version)
    {
        ServeMissingCollection();
        var healthy = _qdrant.Server.Answer;
        _qdrant.Server.Answer = (method, request) => method == "Qdrant/HealthCheck" ? QdrantAnswers.Health(version) : healthy(method, request);

        var refused = await Assert.ThrowsAsync<KnowledgeStoreRefusedException>(() => _qdrant.Store.EnsureEmbeddingModelAsync(Model, 384, _ct));

        Assert.Equal((true, 0), (refused.Message.Contains("Qdrant 1.16.0 or later"), _qdrant.Server.CallsTo("Collections/Create")));
    }

    [Theory]
    [InlineData("1.16.0")]
    [InlineData("1.19.2")]
    [InlineData("v2.0.0-dev")]
    public async Task EnsureEmbeddingModel_Server116OrNewer_IsAccepted(string version)
    {
        ServeMissingCollection();
        var healthy = _qdrant.Server.Answer;
        _qdrant.Server.Answer = (method, request) => method == "Qdrant/HealthCheck" ? QdrantAnswers.Health(version) : healthy(method, request);

        await _qdrant.Store.EnsureEmbeddingModelAsync(Model, 384, _ct);

        Assert.Equal(1, _qdrant.Server.CallsTo("Collections/Create"));
    }

    [Fact]
    public async Task EnsureEmbeddingModel_IndexCreationSlowerThanTheAttemptTimeout_GetsTheAdminDeadline()
    {
        // Creating a payload index with wait=true returns when the index is built: minutes on a large collection.
        var qdrant = new QdrantHarness(r => r.RetryAttempts = 0);
        qdrant.Server.Answer = (method, _) => method switch
        {
            "Qdrant/HealthCheck" => QdrantAnswers.Health(),
            "Collections/CollectionExists" => QdrantAnswers.Exists(true),
            "Collections/Get" => QdrantAnswers.Collection(Model, 384),
            "Points/CreateFieldIndex" => null,
            _ => throw FakeQdrant.Fault(StatusCode.Unimplemented, method),
        };

        var ensure = qdrant.Store.EnsureEmbeddingModelAsync(Model, 384, _ct);
        qdrant.Time.Advance(qdrant.Options.Resilience.AttemptTimeout * 3);
        var runningPastTheAttemptTimeout = !ensure.IsCompleted;
        qdrant.Time.Advance(qdrant.Options.Resilience.AdminTimeout);

        await Assert.ThrowsAsync<KnowledgeStoreUnavailableException>(() => ensure);
        Assert.True(runningPastTheAttemptTimeout);
    }

    [Fact]
    public async Task GetStatistics_NoCollection_IsAnEmptyUnboundStore()
    {
        ServeMissingCollection();

        Assert.Equal(new StoreStatistics(0, 0, null, null), await _qdrant.Store.GetStatisticsAsync(_ct));
    }

    [Fact]
    public async Task GetStatistics_CountsDocumentRecordsAndChunksSeparately()
    {
        _qdrant.Server.Answer = (method, request) => method switch
        {
            "Points/Count" => QdrantAnswers.Count(((CountPoints)request).Filter.Must[0].Field.Match.Keyword == "document" ? 2ul : 7ul),
            _ => QdrantAnswers.Healthy(method, Model, 384),
        };

        Assert.Equal(new StoreStatistics(2, 7, Model, 384), await _qdrant.Store.GetStatisticsAsync(_ct));
    }
}
