using RagApi.Knowledge.Embeddings;

namespace RagApi.Testing;

/// <summary>One MiniLM for the whole test run, loaded only by the tests that need the real tokenizer.</summary>
internal static class RealModel
{
    private static readonly Lazy<MiniLmEmbedder> Shared = new(() => new MiniLmEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static MiniLmEmbedder Embedder => Shared.Value;
}
