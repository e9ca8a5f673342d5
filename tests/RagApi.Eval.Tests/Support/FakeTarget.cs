using RagApi.Eval.Targets;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Eval.Tests.Support;

/// <summary>Answers every question with the same hand-made answer and ranking, so the runner's arithmetic can be checked.</summary>
internal sealed class FakeTarget(ClinicalAnswer answer, IReadOnlyList<string> ranking) : IEvalTarget
{
    public string Description => "fake";

    public Task<ClinicalAnswer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken) =>
        Task.FromResult(answer with { Question = question });

    public Task<IReadOnlyList<string>> SearchDocumentsAsync(string query, CancellationToken cancellationToken) => Task.FromResult(ranking);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
