using RagApi.Eval.Metrics;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Storage;

namespace RagApi.Eval.Targets;

/// <summary>The Knowledge services on a store file, in this process: the same retrieval and answer path as the API.</summary>
internal sealed class InProcessTarget(KnowledgeServices services) : IEvalTarget, SciFact.IModeSearch
{
    private const int SearchDepth = 20;

    public string Description => $"in-process on {services.StorePath}";

    public Task<ClinicalAnswer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken) =>
        services.Answers.AnswerAsync(new AnswerQuery(question, history, SearchFilters.None, null), cancellationToken);

    public async Task<IReadOnlyList<string>> SearchDocumentsAsync(string query, CancellationToken cancellationToken)
    {
        var retrieval = await services.Retriever.RetrieveAsync(query, SearchFilters.None, SearchDepth, cancellationToken);
        return RankingMetrics.DocumentsInOrder(retrieval.Passages.Select(p => p.Chunk.Document.Id));
    }

    public async Task<IReadOnlyList<string>> SearchDocumentsAsync(string query, SearchMode mode, int depth, CancellationToken cancellationToken)
    {
        var vector = await services.Embedder.EmbedQueryAsync(query, cancellationToken);
        var passages = await services.Store.SearchAsync(new PassageQuery(query, vector, SearchFilters.None, depth, mode), cancellationToken);
        return RankingMetrics.DocumentsInOrder(passages.Select(p => p.Chunk.Document.Id));
    }

    public async Task<int> DocumentCountAsync(CancellationToken cancellationToken) => (await services.Store.GetStatisticsAsync(cancellationToken)).Documents;

    public ValueTask DisposeAsync()
    {
        services.Dispose();
        return ValueTask.CompletedTask;
    }
}
