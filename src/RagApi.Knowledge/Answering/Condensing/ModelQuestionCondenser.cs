using System.Text;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Models;

namespace RagApi.Knowledge.Answering.Condensing;

/// <summary>Lets the chat model make a follow-up standalone; the caller falls back to the rule-based condenser.</summary>
public sealed class ModelQuestionCondenser(ChatModel model, GenerationPrompts prompts)
{
    private const int TurnsKept = 6;
    private const int TurnLength = 1500;
    private const int MaxQuestionLength = 2000;

    /// <returns>The standalone question, or null when the reply is not one (empty, cut by the token limit, or too long).</returns>
    public async Task<string?> CondenseAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        var conversation = new StringBuilder();
        foreach (var turn in history.TakeLast(TurnsKept))
        {
            var content = turn.Content.Length > TurnLength ? turn.Content[..TurnLength] + " ..." : turn.Content;
            conversation.Append(turn.Role == ConversationTurn.User ? "Clinician: " : "Assistant: ").Append(content.ReplaceLineEndings(" ")).Append('\n');
        }
        var prompt = new ChatPrompt(
            prompts.CondenseRules.Render(new Dictionary<string, string>()),
            prompts.CondenseQuestion.Render(new Dictionary<string, string>
            {
                ["history"] = conversation.ToString().TrimEnd(),
                ["question"] = question,
            }));
        var reply = await model.CompleteAsync(prompt, cancellationToken);
        if (reply.Finish == ModelFinish.Length) return null;
        var line = ReasoningText.Strip(reply.Content).ReplaceLineEndings("\n").Split('\n')
            .Select(l => l.Trim().Trim('"', '*').Trim())
            .FirstOrDefault(l => l.Length > 0);
        return line is { Length: > 0 and <= MaxQuestionLength } ? line : null;
    }
}
