using RagApi.Knowledge.Embeddings;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Embeddings;

public sealed class MiniLmEmbedderTests
{
    [Fact]
    public async Task Texts_batched_by_length_come_back_in_the_callers_order_with_the_vectors_they_get_alone()
    {
        var shortText = "LEMS is treated with 3,4-diaminopyridine.";
        var longText = string.Join(' ', Enumerable.Repeat("Thymectomy improved outcomes over three years in non-thymomatous myasthenia gravis.", 6));
        string[] texts = [longText, shortText, longText + " Again.", "Cachexia."];

        var together = await RealModel.Embedder.EmbedAsync(texts, TestContext.Current.CancellationToken);
        var alone = new List<float[]>();
        foreach (var text in texts) alone.Add((await RealModel.Embedder.EmbedAsync([text], TestContext.Current.CancellationToken))[0]);

        Assert.All(Enumerable.Range(0, texts.Length), i => Assert.InRange(VectorMath.Cosine(together[i], alone[i]), 0.999f, 1.001f));
    }
}
