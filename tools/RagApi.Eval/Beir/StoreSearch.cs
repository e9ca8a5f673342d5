using System.Diagnostics;
using RagApi.Eval.Targets;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Storage;

namespace RagApi.Eval.Beir;

/// <summary>
/// The store's own search in each mode (the query embedded once), plus the hybrid passages re-ranked by their
/// scores as an API run reads them, so both runs report the same rankings.
/// </summary>
internal sealed class StoreSearch(KnowledgeServices services, int depth) : IBeirSearch
{
    public string Description => $"the store {services.StorePath} in-process ({depth} passages per query)";

    public async Task<IReadOnlyList<BeirRanking>> RankAsync(string query, CancellationToken cancellationToken)
    {
        var vector = await services.Embedder.EmbedQueryAsync(query, cancellationToken);
        var rankings = new List<BeirRanking>();
        foreach (var (mode, name) in new[] { (SearchMode.Hybrid, BeirRanking.Hybrid), (SearchMode.Dense, BeirRanking.Dense), (SearchMode.Lexical, BeirRanking.Lexical) })
        {
            var started = Stopwatch.GetTimestamp();
            var found = await services.Store.SearchAsync(new PassageQuery(query, vector, SearchFilters.None, depth, mode), cancellationToken);
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var passages = found.Select(p => new SearchedPassage(p.Chunk.Document.Id, p.Chunk.ChunkId, p.Scores)).ToList();
            if (mode == SearchMode.Hybrid) rankings.AddRange(BeirRanking.FromHybrid(passages, milliseconds));
            else rankings.Add(new BeirRanking(name, BeirRanking.DocumentsOf(passages), milliseconds));
        }
        return rankings;
    }
}
