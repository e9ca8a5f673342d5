using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Embedded;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Store;

public sealed class SqliteKnowledgeStoreModelTests : IDisposable
{
    private const string Model = "sentence-transformers/all-MiniLM-L6-v2";
    private readonly TempStore _temp = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private SqliteKnowledgeStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task EnsureEmbeddingModel_EmptyStore_BindsTheStoreToTheModel()
    {
        await Store.EnsureEmbeddingModelAsync(Model, 384, _ct);

        Assert.Equal(new StoreStatistics(0, 0, Model, 384), await Store.GetStatisticsAsync(_ct));
    }

    [Fact]
    public async Task GetStatistics_NewStore_HasNoModel()
    {
        Assert.Equal(new StoreStatistics(0, 0, null, null), await Store.GetStatisticsAsync(_ct));
    }

    [Fact]
    public async Task EnsureEmbeddingModel_SameModelAgain_KeepsTheBinding()
    {
        await Store.EnsureEmbeddingModelAsync(Model, 384, _ct);

        await Store.EnsureEmbeddingModelAsync(Model, 384, _ct);

        Assert.Equal(new StoreStatistics(0, 0, Model, 384), await Store.GetStatisticsAsync(_ct));
    }

    [Fact]
    public async Task EnsureEmbeddingModel_AnotherModel_ThrowsEmbeddingModelMismatch()
    {
        await Store.EnsureEmbeddingModelAsync(Model, 384, _ct);

        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => Store.EnsureEmbeddingModelAsync("BAAI/bge-small-en-v1.5", 384, _ct));
    }

    [Fact]
    public async Task EnsureEmbeddingModel_StoreBuiltWithMiniLm_RefusesArcticXsOfTheSameSize()
    {
        await Store.EnsureEmbeddingModelAsync(Model, 384, _ct);

        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => Store.EnsureEmbeddingModelAsync(Knowledge.Embeddings.ArcticXsEmbedder.Id, 384, _ct));
    }

    [Fact]
    public async Task EnsureEmbeddingModel_SameModelWithOtherDimensions_ThrowsEmbeddingModelMismatch()
    {
        await Store.EnsureEmbeddingModelAsync(Model, 384, _ct);

        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => Store.EnsureEmbeddingModelAsync(Model, 768, _ct));
    }

    [Fact]
    public async Task EnsureEmbeddingModel_Mismatch_NamesBothModels()
    {
        await Store.EnsureEmbeddingModelAsync(Model, 384, _ct);

        var exception = await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => Store.EnsureEmbeddingModelAsync("other/model", 64, _ct));

        Assert.Contains($"built with '{Model}' (384 dimensions) but the configured embedder is 'other/model' (64 dimensions)", exception.Message);
    }

    [Fact]
    public async Task EnsureEmbeddingModel_Refused_LeavesTheOriginalBinding()
    {
        await Store.EnsureEmbeddingModelAsync(Model, 384, _ct);
        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => Store.EnsureEmbeddingModelAsync("other/model", 64, _ct));

        Assert.Equal(new StoreStatistics(0, 0, Model, 384), await Store.GetStatisticsAsync(_ct));
    }

    [Fact]
    public async Task EnsureEmbeddingModel_AnotherModelThroughANewStoreOnTheSameFile_IsRefused()
    {
        await Store.EnsureEmbeddingModelAsync(Model, 384, _ct);

        var reopened = new SqliteKnowledgeStore(_temp.Path);

        await Assert.ThrowsAsync<EmbeddingModelMismatchException>(() => reopened.EnsureEmbeddingModelAsync("other/model", 384, _ct));
    }
}
