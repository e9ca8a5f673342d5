using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Eval.Targets;

/// <summary>What the suite runner asks: a running API over HTTP, or the Knowledge services in this process.</summary>
public interface IEvalTarget : IAsyncDisposable
{
    string Description { get; }

    Task<ClinicalAnswer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken);

    /// <summary>The documents of the passages found, best first (a document once, at its best passage).</summary>
    Task<IReadOnlyList<string>> SearchDocumentsAsync(string query, CancellationToken cancellationToken);
}
