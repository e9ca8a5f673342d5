using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Models;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;

namespace RagApi.Knowledge.Answering.Verification;

/// <summary>What verification changed in a generated answer before it left the server.</summary>
public sealed record VerificationReport(
    int StatementsChecked,
    int CitationsOutOfRange,
    int CitationsUnsupported,
    int StatementsRecited,
    int StatementsDropped);

/// <summary>
/// Checks every generated statement against the passages it cites, using the stored sentence vectors: a citation
/// stands when the statement is close enough to one of its passage's sentences, which becomes the quote. Numbers
/// that match no passage are removed; a statement its passages do not support is re-cited to the retrieved passage
/// that supports it best, or dropped when none does.
/// </summary>
/// <remarks><paramref name="supportThreshold"/> is the embedding model's own (configured or calibrated); without it, the configured one.</remarks>
public sealed class CitationVerifier(ITextEmbedder embedder, GenerationOptions options, double? supportThreshold = null)
{
    private readonly double _supportThreshold = supportThreshold ?? options.SupportThreshold;

    /// <summary>
    /// A whole reply: its statements and its follow-up questions embedded in one call, then each statement verified
    /// and the follow-ups the passages speak to kept.
    /// </summary>
    public async Task<(IReadOnlyList<DraftStatement> Statements, VerificationReport Report, IReadOnlyList<string> FollowUps)> VerifyReplyAsync(
        IReadOnlyList<ParsedStatement> statements,
        IReadOnlyList<string> followUps,
        IReadOnlyList<RetrievedPassage> passages,
        IReadOnlyDictionary<string, float[][]> sentenceVectors,
        CancellationToken cancellationToken)
    {
        var vectors = await EmbedAsync([.. statements.Select(s => s.Text), .. followUps], cancellationToken);
        var (verified, report) = Verify(statements, vectors[..statements.Count], passages, sentenceVectors);
        return (verified, report, Supported(followUps, vectors[statements.Count..], passages, sentenceVectors));
    }

    /// <summary>The statements of one streamed line, verified as soon as the line is complete.</summary>
    public async Task<(IReadOnlyList<DraftStatement> Statements, VerificationReport Report)> VerifyAsync(
        IReadOnlyList<ParsedStatement> statements,
        IReadOnlyList<RetrievedPassage> passages,
        IReadOnlyDictionary<string, float[][]> sentenceVectors,
        CancellationToken cancellationToken) =>
        Verify(statements, await EmbedAsync(statements.Select(s => s.Text).ToList(), cancellationToken), passages, sentenceVectors);

    /// <summary>The model's follow-up questions that the passages speak to; the others are not shown.</summary>
    public async Task<IReadOnlyList<string>> SupportedFollowUpsAsync(
        IReadOnlyList<string> questions,
        IReadOnlyList<RetrievedPassage> passages,
        IReadOnlyDictionary<string, float[][]> sentenceVectors,
        CancellationToken cancellationToken) =>
        Supported(questions, await EmbedAsync(questions, cancellationToken), passages, sentenceVectors);

    private async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        texts.Count == 0 ? [] : await embedder.EmbedAsync(texts, cancellationToken);

    private (IReadOnlyList<DraftStatement> Statements, VerificationReport Report) Verify(
        IReadOnlyList<ParsedStatement> statements,
        float[][] vectors,
        IReadOnlyList<RetrievedPassage> passages,
        IReadOnlyDictionary<string, float[][]> sentenceVectors)
    {
        int outOfRange = 0, unsupported = 0, recited = 0, dropped = 0;
        var verified = new List<DraftStatement>();
        for (var i = 0; i < statements.Count; i++)
        {
            var valid = statements[i].Numbers.Where(n => n >= 1 && n <= passages.Count).ToList();
            outOfRange += statements[i].Numbers.Count - valid.Count;
            var support = passages.Select(p => BestSentence(vectors[i], p, sentenceVectors)).ToArray();
            var best = support.Where(e => e is not null).MaxBy(e => e!.Score);
            if (best is null || best.Score < _supportThreshold)
            {
                dropped++;
                continue;
            }
            // A cited passage stands when it supports the statement about as well as the best retrieved passage does.
            var evidence = valid
                .Select(n => support[n - 1])
                .Where(e => e is not null && e.Score >= _supportThreshold && e.Score >= best.Score - options.RecitationMargin)
                .Select(e => e!)
                .ToList();
            unsupported += valid.Count - evidence.Count;
            if (evidence.Count == 0)
            {
                recited++;
                evidence.Add(best);
            }
            verified.Add(new DraftStatement(statements[i].Text, evidence));
        }
        return (verified, new VerificationReport(statements.Count, outOfRange, unsupported, recited, dropped));
    }

    private IReadOnlyList<string> Supported(
        IReadOnlyList<string> questions,
        float[][] vectors,
        IReadOnlyList<RetrievedPassage> passages,
        IReadOnlyDictionary<string, float[][]> sentenceVectors) =>
        questions
            .Where((_, i) => passages.Select(p => BestSentence(vectors[i], p, sentenceVectors)).Any(e => e is not null && e.Score >= options.FollowUpSupportThreshold))
            .ToList();

    private static Evidence? BestSentence(float[] statement, RetrievedPassage passage, IReadOnlyDictionary<string, float[][]> sentenceVectors)
    {
        if (!sentenceVectors.TryGetValue(passage.Chunk.ChunkId, out var sentences) || sentences.Length == 0) return null;
        var best = 0;
        var bestScore = float.MinValue;
        for (var s = 0; s < sentences.Length && s < passage.Chunk.Sentences.Count; s++)
        {
            var score = VectorMath.Cosine(statement, sentences[s]);
            if (score > bestScore) (best, bestScore) = (s, score);
        }
        return new Evidence(passage, passage.Chunk.Sentences[best], bestScore);
    }
}
