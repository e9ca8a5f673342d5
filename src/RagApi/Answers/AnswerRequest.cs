using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Requests;

namespace RagApi.Answers;

public sealed record HistoryTurnRequest(string? Role, string? Content);

public sealed record AnswerRequest(string? Question, IReadOnlyList<HistoryTurnRequest>? History = null, FiltersRequest? Filters = null, int? TopK = null)
{
    public const int MaxQuestionLength = 2000;
    public const int MaxHistoryTurns = 20;
    public const int MaxTurnLength = 20_000;

    public async Task<(AnswerQuery? Query, RequestErrors Errors)> ValidateAsync(IKnowledgeStore store, AnswerOptions options, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        QuestionRules.Check("question", Question, MaxQuestionLength, errors);
        var history = ValidateHistory(errors);
        var filters = await (Filters ?? new FiltersRequest()).ValidateAsync("filters", errors, store, cancellationToken);
        QuestionRules.CheckTopK(TopK, options, errors);
        return errors.Any ? (null, errors) : (new AnswerQuery(Question!.Trim(), history, filters, TopK), errors);
    }

    private List<ConversationTurn> ValidateHistory(RequestErrors errors)
    {
        var turns = new List<ConversationTurn>();
        if (History is { Count: > MaxHistoryTurns })
        {
            errors.Add("history", $"At most {MaxHistoryTurns} turns of history may be sent; drop the oldest.");
            return turns;
        }
        for (var i = 0; i < (History?.Count ?? 0); i++)
        {
            var turn = History![i];
            if (turn is null)
            {
                errors.Add($"history[{i}]", "Each turn must be an object with role and content.");
                continue;
            }
            if (turn.Role is not (ConversationTurn.User or ConversationTurn.Assistant))
                errors.Add($"history[{i}].role", $"Role must be '{ConversationTurn.User}' or '{ConversationTurn.Assistant}', not '{turn.Role}'.");
            if (string.IsNullOrWhiteSpace(turn.Content))
                errors.Add($"history[{i}].content", "Content must not be empty.");
            else if (turn.Content.Length > MaxTurnLength)
                errors.Add($"history[{i}].content", $"Content must be at most {MaxTurnLength} characters.");
            else if (turn.Role is not null)
                turns.Add(new ConversationTurn(turn.Role, turn.Content));
        }
        return turns;
    }
}
