using RagApi.Eval.Metrics;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;

namespace RagApi.Eval.Targets;

/// <summary>The Knowledge services on a store file, in this process: the same retrieval and answer path as the API.</summary>
internal sealed class InProcessTarget(KnowledgeServices services) : IEvalTarget
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

    public ValueTask DisposeAsync()
    {
        services.Dispose();
        return ValueTask.CompletedTask;
    }
}
