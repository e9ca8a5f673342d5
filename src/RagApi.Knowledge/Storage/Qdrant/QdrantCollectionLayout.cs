using System.Globalization;
using Qdrant.Client.Grpc;

namespace RagApi.Knowledge.Storage.Qdrant;

/// <summary>
/// One collection: a named dense vector (cosine, the embedder's dimension), a named sparse vector for BM25 with
/// Qdrant's IDF modifier, payload indexes on the filter fields, and the embedding model in the collection metadata.
/// </summary>
internal static class QdrantCollectionLayout
{
    public const string DenseVector = "dense";
    public const string SparseVector = "bm25";
    public const string ModelKey = "embedding_model";
    public const string DimensionsKey = "embedding_dimensions";

    /// <summary>The <see cref="Text.TextAnalyzer.Version"/> whose terms the BM25 sparse vectors hold.</summary>
    public const string AnalyzerKey = "lexical_analyzer";
    public const string CalibratedModelKey = "calibrated_model";
    public const string RelevanceKey = "relevance_threshold";
    public const string SupportKey = "support_threshold";

    /// <summary>Payload fields that filters and lookups use, with their index type.</summary>
    public static readonly IReadOnlyList<(string Field, PayloadSchemaType Type)> PayloadIndexes =
    [
        (QdrantPayload.Record, PayloadSchemaType.Keyword),
        (QdrantPayload.DocumentId, PayloadSchemaType.Keyword),
        (QdrantPayload.Kind, PayloadSchemaType.Keyword),
        (QdrantPayload.Year, PayloadSchemaType.Integer),
    ];

    public static CreateCollection Create(QdrantStoreOptions options, string modelId, int dimensions)
    {
        var request = new CreateCollection
        {
            CollectionName = options.Collection,
            VectorsConfig = new VectorsConfig
            {
                ParamsMap = new VectorParamsMap { Map = { [DenseVector] = new VectorParams { Size = (ulong)dimensions, Distance = Distance.Cosine } } },
            },
            SparseVectorsConfig = new SparseVectorConfig { Map = { [SparseVector] = new SparseVectorParams { Modifier = Modifier.Idf } } },
            ReplicationFactor = (uint)options.ReplicationFactor,
            WriteConsistencyFactor = (uint)options.WriteConsistencyFactor,
        };
        if (options.ShardNumber is { } shards) request.ShardNumber = (uint)shards;
        foreach (var (key, value) in Metadata(modelId, dimensions)) request.Metadata[key] = value;
        return request;
    }

    public static Dictionary<string, Value> Metadata(string modelId, int dimensions) => new()
    {
        [ModelKey] = modelId,
        [DimensionsKey] = dimensions.ToString(CultureInfo.InvariantCulture),
        [AnalyzerKey] = Text.TextAnalyzer.Version.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The analyzer version a collection records; null for one that records none (written before it was recorded).</summary>
    public static string? BoundAnalyzer(CollectionInfo info) =>
        info.Config.Metadata.TryGetValue(AnalyzerKey, out var analyzer) ? analyzer.StringValue : null;

    /// <summary>The model and dimension a collection records, or nulls for a collection that records none.</summary>
    public static (string? Model, int? Dimensions) BoundModel(CollectionInfo info)
    {
        var metadata = info.Config.Metadata;
        var model = metadata.TryGetValue(ModelKey, out var m) ? m.StringValue : null;
        var dimensions = metadata.TryGetValue(DimensionsKey, out var d) && int.TryParse(d.StringValue, CultureInfo.InvariantCulture, out var parsed)
            ? parsed : (int?)null;
        return (model, dimensions);
    }

    /// <summary>Calibrated thresholds as collection metadata, which Qdrant merges into what the collection already records.</summary>
    public static Dictionary<string, Value> Metadata(ModelCalibration calibration) => new()
    {
        [CalibratedModelKey] = calibration.ModelId,
        [RelevanceKey] = calibration.RelevanceThreshold.ToString("R", CultureInfo.InvariantCulture),
        [SupportKey] = calibration.SupportThreshold.ToString("R", CultureInfo.InvariantCulture),
    };

    public static ModelCalibration? Calibration(CollectionInfo info)
    {
        var metadata = info.Config.Metadata;
        return metadata.TryGetValue(CalibratedModelKey, out var model) &&
               metadata.TryGetValue(RelevanceKey, out var r) && float.TryParse(r.StringValue, CultureInfo.InvariantCulture, out var relevance) &&
               metadata.TryGetValue(SupportKey, out var s) && float.TryParse(s.StringValue, CultureInfo.InvariantCulture, out var support)
            ? new ModelCalibration(model.StringValue, relevance, support)
            : null;
    }

    /// <summary>The dense vector's size, or null when the collection lacks RagApi's named vectors.</summary>
    public static ulong? DenseSize(CollectionInfo info) =>
        info.Config.Params.VectorsConfig?.ParamsMap?.Map.TryGetValue(DenseVector, out var dense) == true &&
        info.Config.Params.SparseVectorsConfig?.Map.ContainsKey(SparseVector) == true
            ? dense.Size : null;
}
