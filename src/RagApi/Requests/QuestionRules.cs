using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Requests;

internal static class QuestionRules
{
    public static void Check(string field, string? text, int maxLength, RequestErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) errors.Add(field, $"The {field} must not be empty.");
        else if (text.Length > maxLength) errors.Add(field, $"The {field} must be at most {maxLength} characters; it has {text.Length}.");
    }

    public static void CheckTopK(int? topK, AnswerOptions options, RequestErrors errors)
    {
        if (topK is < 1 || topK > options.MaxTopK) errors.Add("topK", $"topK must be between 1 and {options.MaxTopK}.");
    }
}
