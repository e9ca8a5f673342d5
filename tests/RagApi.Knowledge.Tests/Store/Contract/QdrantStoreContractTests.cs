using Qdrant.Client;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Qdrant;

namespace RagApi.Knowledge.Tests.Store.Contract;

/// <summary>
/// The store contract on a real Qdrant, when QDRANT_URL names one (its gRPC address, e.g. http://localhost:6334);
/// skipped otherwise. Each test gets its own collection, deleted afterwards.
/// </summary>
public sealed class QdrantStoreContractTests : KnowledgeStoreContract
{
    public const string UrlVariable = "QDRANT_URL";
    private QdrantClient? _client;
    private QdrantStoreOptions? _options;

    protected override Task<IKnowledgeStore> OpenEmptyStoreAsync()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        Assert.SkipWhen(string.IsNullOrEmpty(url),
            $"{UrlVariable} is not set: no Qdrant server here. Set it to a Qdrant gRPC address (e.g. http://localhost:6334) to run the contract against Qdrant.");
        _options = new QdrantStoreOptions
        {
            Endpoint = url!,
            ApiKey = Environment.GetEnvironmentVariable("QDRANT_API_KEY"),
            Collection = $"ragapi-contract-{Guid.NewGuid():N}",
        };
        _client = QdrantKnowledgeStore.CreateClient(_options);
        return Task.FromResult<IKnowledgeStore>(new QdrantKnowledgeStore(_client, _options, QdrantResilience.Build(_options.Resilience, TimeProvider.System)));
    }

    protected override async ValueTask DisposeStoreAsync()
    {
        if (_client is null || _options is null) return;
        try
        {
            if (await _client.CollectionExistsAsync(_options.Collection)) await _client.DeleteCollectionAsync(_options.Collection);
        }
        catch (Grpc.Core.RpcException)
        {
            // The test itself reports an unreachable server; cleanup failing too would only repeat it.
        }
        _client.Dispose();
    }
}
