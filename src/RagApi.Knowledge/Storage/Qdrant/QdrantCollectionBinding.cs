using Grpc.Core;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace RagApi.Knowledge.Storage.Qdrant;

/// <summary>
/// Creates the collection for the embedder on first use and refuses another embedder afterwards, so vectors of
/// two models never mix. A collection RagApi did not create (no model recorded) is adopted only if its layout fits.
/// Collection, index and metadata changes go through the admin pipeline, with its own timeout.
/// </summary>
internal sealed class QdrantCollectionBinding(QdrantClient client, QdrantStoreOptions options, QdrantCalls calls, QdrantCalls adminCalls)
{
    private volatile bool _versionChecked;

    public async Task<CollectionInfo?> InfoAsync(CancellationToken cancellationToken)
    {
        var exists = await calls.RunAsync("check the collection", t => client.CollectionExistsAsync(options.Collection, t), cancellationToken);
        return exists ? await calls.RunAsync("read the collection", t => client.GetCollectionInfoAsync(options.Collection, t), cancellationToken) : null;
    }

    /// <summary>Refuses a server older than <see cref="QdrantServerVersion.Minimum"/>, once per store, before anything is written.</summary>
    public async Task RequireSupportedServerAsync(CancellationToken cancellationToken)
    {
        if (_versionChecked) return;
        var health = await calls.RunAsync("check the server version", t => client.HealthAsync(t), cancellationToken);
        QdrantServerVersion.Require(health.Version, options.Endpoint);
        _versionChecked = true;
    }

    public async Task EnsureAsync(string modelId, int dimensions, CancellationToken cancellationToken)
    {
        await RequireSupportedServerAsync(cancellationToken);
        var info = await InfoAsync(cancellationToken);
        if (info is null && await TryCreateAsync(modelId, dimensions, cancellationToken)) return;
        info ??= await calls.RunAsync("read the collection", t => client.GetCollectionInfoAsync(options.Collection, t), cancellationToken);

        var (model, boundDimensions) = QdrantCollectionLayout.BoundModel(info);
        if (model is not null)
        {
            if (model != modelId || boundDimensions != dimensions)
                throw new EmbeddingModelMismatchException(model, boundDimensions ?? 0, modelId, dimensions);
            var analyzer = Text.TextAnalyzer.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (QdrantCollectionLayout.BoundAnalyzer(info) != analyzer)
                throw new KnowledgeStoreRefusedException(
                    $"The Qdrant collection '{options.Collection}' at {options.Endpoint} holds BM25 terms of text analyzer version " +
                    $"{QdrantCollectionLayout.BoundAnalyzer(info) ?? "1"}; this build writes and searches version {analyzer}, so lexical search " +
                    "would miss words it folds differently (\"diseases\", \"doses\"). Index into a new collection (set Qdrant:Collection).");
        }
        else
        {
            var size = QdrantCollectionLayout.DenseSize(info) ?? throw new InvalidDataException(
                $"The Qdrant collection '{options.Collection}' was not created by RagApi: it lacks the named vectors " +
                $"'{QdrantCollectionLayout.DenseVector}' and '{QdrantCollectionLayout.SparseVector}'. Set Qdrant:Collection to a new name.");
            if (size != (ulong)dimensions) throw new EmbeddingModelMismatchException("(unrecorded)", (int)size, modelId, dimensions);
            await UpdateMetadataAsync("record the model", QdrantCollectionLayout.Metadata(modelId, dimensions), cancellationToken);
        }
        await CreatePayloadIndexesAsync(cancellationToken);
    }

    public Task UpdateMetadataAsync(string operation, Dictionary<string, Value> metadata, CancellationToken cancellationToken) =>
        adminCalls.RunAsync(operation, t => client.UpdateCollectionAsync(options.Collection, metadata: metadata, cancellationToken: t), cancellationToken);

    /// <summary>
    /// False when another replica created the collection first (AlreadyExists); the caller then checks what it
    /// recorded. Qdrant refuses a name an alias holds with InvalidArgument ("Alias with the same name already
    /// exists", lib/storage/src/content_manager/toc/create_collection.rs): that is another collection, never adopted.
    /// </summary>
    private async Task<bool> TryCreateAsync(string modelId, int dimensions, CancellationToken cancellationToken)
    {
        try
        {
            await adminCalls.RunAsync("create the collection", t => client.CreateCollectionAsync(QdrantCollectionLayout.Create(options, modelId, dimensions), t), cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            return false;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument && e.Status.Detail.Contains("Alias", StringComparison.OrdinalIgnoreCase))
        {
            throw new KnowledgeStoreRefusedException(
                $"Qdrant:Collection '{options.Collection}' names an alias at {options.Endpoint}, not a collection RagApi created " +
                $"({e.Status.Detail}). Set Qdrant:Collection to a new name.", e);
        }
        await CreatePayloadIndexesAsync(cancellationToken);
        return true;
    }

    private async Task CreatePayloadIndexesAsync(CancellationToken cancellationToken)
    {
        foreach (var (field, type) in QdrantCollectionLayout.PayloadIndexes)
            await adminCalls.RunAsync($"index {field}", t => client.CreatePayloadIndexAsync(options.Collection, field, type, cancellationToken: t), cancellationToken);
    }
}
