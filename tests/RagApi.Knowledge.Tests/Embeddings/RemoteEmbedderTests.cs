using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Models;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Embeddings;

/// <summary>The remote embedder through the real OpenAI SDK against <see cref="FakeOpenAIEmbeddings"/>, the documented endpoint.</summary>
public sealed class RemoteEmbedderTests : IDisposable
{
    private readonly FakeOpenAIEmbeddings _server = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private RemoteEmbedder Embedder(string model, int dimensions) => RemoteEmbedder.Create(
        new EmbeddingOptions { Provider = EmbeddingProvider.OpenAI, Dimensions = dimensions },
        new AzureOpenAIOptions(),
        new OpenAIOptions { Endpoint = "http://openai.test/v1", ApiKey = "test-key", EmbeddingModel = model },
        new HttpClient(_server));

    private static string Words(int count) => string.Concat(Enumerable.Repeat(" word", count));

    private static float[] Normalized(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / norm).ToArray();
    }

    [Fact]
    public async Task A_configured_size_is_sent_as_dimensions_and_the_vectors_come_back_that_size()
    {
        var vectors = await Embedder("text-embedding-3-small", 256).EmbedAsync(["Amifampridine is first-line."], _ct);

        Assert.Equal((256, 256), (_server.Requests.Single()["dimensions"]!.GetValue<int>(), vectors[0].Length));
    }

    [Fact]
    public async Task A_model_that_refuses_dimensions_is_asked_once_more_without_and_never_again_with_it()
    {
        // text-embedding-ada-002 answers 400 "This model does not support specifying dimensions."
        var embedder = Embedder("text-embedding-ada-002", 1536);

        await embedder.EmbedAsync(["First call."], _ct);
        var vectors = await embedder.EmbedAsync(["Second call."], _ct);

        Assert.Equal("dimensions sent: True False False; size 1536",
            $"dimensions sent: {string.Join(' ', _server.Requests.Select(r => r.ContainsKey("dimensions")))}; size {vectors[0].Length}");
    }

    [Fact]
    public async Task More_inputs_than_one_request_takes_are_split_and_every_vector_keeps_its_texts_place()
    {
        var texts = Enumerable.Range(0, 2100).Select(i => $"passage number {i}").ToList();

        var vectors = await Embedder("text-embedding-3-small", 64).EmbedAsync(texts, _ct);

        Assert.All(_server.Requests, r => Assert.InRange(r["input"]!.AsArray().Count, 1, FakeOpenAIEmbeddings.MaxInputs));
        Assert.Equal(Normalized(FakeOpenAIEmbeddings.VectorOf("passage number 2099", 64)), vectors[2099], (a, b) => MathF.Abs(a - b) < 1e-6f);
    }

    [Fact]
    public async Task Inputs_summing_over_300000_tokens_are_split_so_no_request_is_refused()
    {
        var texts = Enumerable.Range(0, 64).Select(i => $"{i}{Words(5000)}").ToList();

        var vectors = await Embedder("text-embedding-3-small", 64).EmbedAsync(texts, _ct);

        Assert.Equal((64, 2), (vectors.Length, _server.Requests.Count));
    }

    [Fact]
    public async Task An_input_over_8192_tokens_is_refused_before_anything_is_sent_naming_the_text_and_the_limit()
    {
        var error = await Assert.ThrowsAsync<EmbeddingInputTooLongException>(() =>
            Embedder("text-embedding-3-small", 64).EmbedAsync(["short", Words(9000)], _ct));

        Assert.Equal((true, true, 0), (error.Message.Contains("Text 2"), error.Message.Contains("8192"), _server.Requests.Count));
    }

    [Fact]
    public void Batches_respect_the_documented_input_count_even_when_configured_higher()
    {
        var batches = new EmbeddingBatches(new EmbeddingRequestLimits(InputsPerRequest: 5000)).Plan(Enumerable.Repeat("x", 4097).ToList(), "m");

        Assert.Equal([2048, 2048, 1], batches.Select(b => b.Count));
    }

    public void Dispose() => _server.Dispose();
}
