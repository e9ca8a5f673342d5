using System.Text;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Models;

namespace RagApi.Knowledge.Answering.Condensing;

/// <summary>Lets the chat model make a follow-up standalone; the caller falls back to the rule-based condenser.</summary>
public sealed class ModelQuestionCondenser(ChatModel model, GenerationPrompts prompts)
{
    private const int TurnsKept = 6;
    private const int TurnLength = 1500;
    private const int MaxQuestionLength = 2000;

    /// <returns>The standalone question, or null when the reply is not one.</returns>
    public async Task<string?> CondenseAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        var conversation = new StringBuilder();
        foreach (var turn in history.TakeLast(TurnsKept))
        {
            var content = turn.Content.Length > TurnLength ? turn.Content[..TurnLength] + " ..." : turn.Content;
            conversation.Append(turn.Role == ConversationTurn.User ? "Clinician: " : "Assistant: ").Append(content.ReplaceLineEndings(" ")).Append('\n');
        }
        var prompt = prompts.CondenseQuestion.Render(new Dictionary<string, string>
        {
            ["history"] = conversation.ToString().TrimEnd(),
            ["question"] = question,
        });
        var reply = await model.CompleteAsync(prompt, cancellationToken);
        var line = reply.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim().Trim('"')).FirstOrDefault(l => l.Length > 0);
        return line is { Length: > 0 and <= MaxQuestionLength } ? line : null;
    }
}
