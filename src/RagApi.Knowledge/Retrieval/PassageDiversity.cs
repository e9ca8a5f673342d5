using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Storage;

namespace RagApi.Knowledge.Retrieval;

internal static class PassageDiversity
{
    /// <summary>Keeps the best passages in rank order, at most <paramref name="perDocument"/> from any one document.</summary>
    public static IReadOnlyList<RetrievedPassage> Limit(IReadOnlyList<RetrievedPassage> passages, int perDocument, int topK)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new List<RetrievedPassage>(topK);
        foreach (var passage in passages)
        {
            var count = counts.GetValueOrDefault(passage.Chunk.DocumentId);
            if (count >= perDocument) continue;
            counts[passage.Chunk.DocumentId] = count + 1;
            kept.Add(passage);
            if (kept.Count == topK) break;
        }
        return kept;
    }
}
