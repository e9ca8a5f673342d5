using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Models;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Text;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Generation;

/// <summary>Verification with the bag-of-words fake embedder: sentences sharing words are similar.</summary>
public sealed class CitationVerifierTests
{
    private static readonly RetrievedPassage Treatment = Passage("treatment", "Amifampridine improves strength in LEMS. Prednisone helps when weakness persists.");
    private static readonly RetrievedPassage Tumour = Passage("tumour", "Half of LEMS patients have small-cell lung cancer. Screening uses CT and PET.");
    private static readonly IReadOnlyList<RetrievedPassage> Passages = [Treatment, Tumour];
    private readonly CitationVerifier _verifier = new(new FakeEmbedder(), new GenerationOptions { SupportThreshold = 0.5, RecitationMargin = 0.1 });

    private Task<(IReadOnlyList<RagApi.Knowledge.Answering.Composing.DraftStatement> Statements, VerificationReport Report)> VerifyAsync(params ParsedStatement[] statements) =>
        _verifier.VerifyAsync(statements, Passages, Vectors(), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Verify_SupportedCitation_KeepsItWithTheSupportingSentenceAsQuote()
    {
        var (statements, _) = await VerifyAsync(new ParsedStatement("Amifampridine improves strength in LEMS", [1]));

        Assert.Equal("Amifampridine improves strength in LEMS.", statements.Single().Evidence.Single().QuoteText);
    }

    [Fact]
    public async Task Verify_NumberBeyondThePassages_IsRemovedAndCounted()
    {
        var (statements, report) = await VerifyAsync(new ParsedStatement("Amifampridine improves strength in LEMS", [1, 7]));

        Assert.Equal((1, 1), (statements.Single().Evidence.Count, report.CitationsOutOfRange));
    }

    [Fact]
    public async Task Verify_CitationOfTheWrongPassage_IsRecitedToTheRightOne()
    {
        var (statements, report) = await VerifyAsync(new ParsedStatement("Half of LEMS patients have small-cell lung cancer", [1]));

        Assert.Equal(("tumour#000", 1), (statements.Single().Evidence.Single().Passage.Chunk.ChunkId, report.StatementsRecited));
    }

    [Fact]
    public async Task Verify_StatementNoPassageSupports_IsDropped()
    {
        var (statements, report) = await VerifyAsync(new ParsedStatement("Metformin lowers glucose in diabetes", [1]));

        Assert.Equal((0, 1), (statements.Count, report.StatementsDropped));
    }

    private static RetrievedPassage Passage(string id, string text)
    {
        var spans = SentenceSplitter.Split(text);
        var chunk = new RagApi.Knowledge.Ingestion.Chunking.Chunk($"{id}#000", 0, id, text, spans, TestDocuments.Metadata(id));
        return new RetrievedPassage(chunk, new PassageScores(0.5f, 1f, 0.03f));
    }

    private static IReadOnlyDictionary<string, float[][]> Vectors() => Passages.ToDictionary(
        p => p.Chunk.ChunkId,
        p => p.Chunk.Sentences.Select(s => FakeEmbedder.Embed(s.Of(p.Chunk.Text))).ToArray());
}
