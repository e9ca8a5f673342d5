using Grpc.Core;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace RagApi.Knowledge.Storage.Qdrant;

/// <summary>
/// Creates the collection for the embedder on first use and refuses another embedder afterwards, so vectors of
/// two models never mix. A collection RagApi did not create (no model recorded) is adopted only if its layout fits.
/// </summary>
internal sealed class QdrantCollectionBinding(QdrantClient client, QdrantStoreOptions options, QdrantCalls calls)
{
    public async Task<CollectionInfo?> InfoAsync(CancellationToken cancellationToken)
    {
        var exists = await calls.RunAsync("check the collection", t => client.CollectionExistsAsync(options.Collection, t), cancellationToken);
        return exists ? await calls.RunAsync("read the collection", t => client.GetCollectionInfoAsync(options.Collection, t), cancellationToken) : null;
    }

    public async Task EnsureAsync(string modelId, int dimensions, CancellationToken cancellationToken)
    {
        var info = await InfoAsync(cancellationToken);
        if (info is null && await TryCreateAsync(modelId, dimensions, cancellationToken)) return;
        info ??= await calls.RunAsync("read the collection", t => client.GetCollectionInfoAsync(options.Collection, t), cancellationToken);

        var (model, boundDimensions) = QdrantCollectionLayout.BoundModel(info);
        if (model is not null)
        {
            if (model != modelId || boundDimensions != dimensions)
                throw new EmbeddingModelMismatchException(model, boundDimensions ?? 0, modelId, dimensions);
        }
        else
        {
            var size = QdrantCollectionLayout.DenseSize(info) ?? throw new InvalidDataException(
                $"The Qdrant collection '{options.Collection}' was not created by RagApi: it lacks the named vectors " +
                $"'{QdrantCollectionLayout.DenseVector}' and '{QdrantCollectionLayout.SparseVector}'. Set Qdrant:Collection to a new name.");
            if (size != (ulong)dimensions) throw new EmbeddingModelMismatchException("(unrecorded)", (int)size, modelId, dimensions);
            await calls.RunAsync("record the model", t => client.UpdateCollectionAsync(options.Collection,
                metadata: QdrantCollectionLayout.Metadata(modelId, dimensions), cancellationToken: t), cancellationToken);
        }
        await CreatePayloadIndexesAsync(cancellationToken);
    }

    /// <summary>False when another replica created the collection first; the caller then checks what it recorded.</summary>
    private async Task<bool> TryCreateAsync(string modelId, int dimensions, CancellationToken cancellationToken)
    {
        try
        {
            await calls.RunAsync("create the collection", t => client.CreateCollectionAsync(QdrantCollectionLayout.Create(options, modelId, dimensions), t), cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists ||
                                     e.StatusCode == StatusCode.InvalidArgument && e.Status.Detail.Contains("already exists", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        await CreatePayloadIndexesAsync(cancellationToken);
        return true;
    }

    private async Task CreatePayloadIndexesAsync(CancellationToken cancellationToken)
    {
        foreach (var (field, type) in QdrantCollectionLayout.PayloadIndexes)
            await calls.RunAsync($"index {field}", t => client.CreatePayloadIndexAsync(options.Collection, field, type, cancellationToken: t), cancellationToken);
    }
}
