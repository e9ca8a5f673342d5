using Microsoft.Extensions.Time.Testing;
using RagApi.Knowledge.Storage.Qdrant;

namespace RagApi.Testing;

/// <summary>A Qdrant store over <see cref="FakeQdrant"/> with its real resilience pipeline on fake time.</summary>
internal sealed class QdrantHarness
{
    public const string Model = "test/hashed-bag-of-words";

    public QdrantHarness(Action<QdrantResilienceOptions>? resilience = null)
    {
        resilience?.Invoke(Options.Resilience);
        Store = new QdrantKnowledgeStore(Server.Client(), Options, QdrantResilience.Build(Options.Resilience, Time), QdrantResilience.BuildAdmin(Options.Resilience, Time));
    }

    public FakeQdrant Server { get; } = new();

    public FakeTimeProvider Time { get; } = new();

    public QdrantStoreOptions Options { get; } = new()
    {
        Endpoint = "http://qdrant.test:6334",
        Collection = "passages",
        ShardNumber = 6,
        ReplicationFactor = 2,
        WriteConsistencyFactor = 2,
        Resilience = new QdrantResilienceOptions { RetryDelay = TimeSpan.Zero },
    };

    public QdrantKnowledgeStore Store { get; }

    /// <summary>A healthy server whose collection is bound to the fake embedder.</summary>
    public QdrantHarness Healthy()
    {
        Server.Answer = (method, _) => QdrantAnswers.Healthy(method, Model, FakeEmbedder.Size);
        return this;
    }
}
