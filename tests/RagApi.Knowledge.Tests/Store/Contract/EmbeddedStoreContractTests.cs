using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Store.Contract;

/// <summary>The store contract on the embedded SQLite store: always runs.</summary>
public sealed class EmbeddedStoreContractTests : KnowledgeStoreContract
{
    private readonly TempStore _temp = new();

    protected override Task<IKnowledgeStore> OpenEmptyStoreAsync() => Task.FromResult<IKnowledgeStore>(_temp.Store);

    protected override ValueTask DisposeStoreAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
