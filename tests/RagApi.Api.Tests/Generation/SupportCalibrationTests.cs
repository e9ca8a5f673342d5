using System.Text.Json;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Models;
using RagApi.Knowledge.Storage.Embedded;
using RagApi.Testing;

namespace RagApi.Api.Tests.Generation;

/// <summary>
/// Generation:SupportThreshold was calibrated on seeds/eval/support-calibration.jsonl (README, "Citation
/// verification"): paraphrases of a document's sentences must count as supported by it, statements on other
/// subjects must not. A change to the embedder or the corpus that moves a pair across the threshold fails here.
/// </summary>
public sealed class SupportCalibrationTests(SeedIndex index)
{
    public static TheoryData<string, string, bool> Pairs()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var line in File.ReadLines(Path.Combine(RepositoryPaths.Root, "seeds", "eval", "support-calibration.jsonl")).Where(l => l.Length > 0))
        {
            var pair = JsonDocument.Parse(line).RootElement;
            data.Add(pair.GetProperty("statement").GetString()!, pair.GetProperty("documentId").GetString()!, pair.GetProperty("supported").GetBoolean());
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task A_calibration_statement_counts_as_supported_exactly_when_its_document_says_it(string statement, string documentId, bool supported)
    {
        var store = new SqliteKnowledgeStore(index.StorePath);
        var document = await store.GetDocumentAsync(documentId, TestContext.Current.CancellationToken);
        var sentences = await store.GetSentenceVectorsAsync(document!.Chunks.Select(c => c.ChunkId).ToList(), TestContext.Current.CancellationToken);
        var vector = (await index.Embedder.EmbedAsync([statement], TestContext.Current.CancellationToken))[0];

        var best = sentences.Values.SelectMany(v => v).Max(s => VectorMath.Cosine(vector, s));

        Assert.Equal(supported, best >= new GenerationOptions().SupportThreshold);
    }
}
