using Microsoft.ML.Tokenizers;

namespace RagApi.Knowledge.Embeddings;

/// <summary>Splits texts, in order, into requests within <see cref="EmbeddingRequestLimits"/>, counting cl100k_base tokens.</summary>
internal sealed class EmbeddingBatches(EmbeddingRequestLimits limits)
{
    private static readonly Lazy<Tokenizer> Cl100k = new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    public static int CountTokens(string text) => Cl100k.Value.CountTokens(text);

    /// <summary>Each batch as (first index, count); throws <see cref="EmbeddingInputTooLongException"/> for a text over the per-input limit.</summary>
    public IReadOnlyList<(int Start, int Count)> Plan(IReadOnlyList<string> texts, string modelId)
    {
        var inputs = Math.Clamp(limits.InputsPerRequest, 1, EmbeddingRequestLimits.DocumentedMaxInputs);
        var batches = new List<(int Start, int Count)>();
        var (start, tokens) = (0, 0);
        for (var i = 0; i < texts.Count; i++)
        {
            var count = CountTokens(texts[i]);
            if (count > limits.MaxTokensPerInput) throw new EmbeddingInputTooLongException(modelId, i, count, limits.MaxTokensPerInput);
            if (i > start && (i - start == inputs || tokens + count > limits.MaxTokensPerRequest))
            {
                batches.Add((start, i - start));
                (start, tokens) = (i, 0);
            }
            tokens += count;
        }
        if (texts.Count > start) batches.Add((start, texts.Count - start));
        return batches;
    }
}

/// <summary>A text longer than the embedding model takes: the server would refuse the whole request (400).</summary>
internal sealed class EmbeddingInputTooLongException(string modelId, int index, int tokens, int limit)
    : KnowledgeException($"Text {index + 1} to embed has {tokens} tokens; the embedding model '{modelId}' takes at most {limit} per input. " +
        "Shorten it (chunks are sized by Chunking options) or use a model with a longer input.")
{
    public override bool IsTransient => false;
}
