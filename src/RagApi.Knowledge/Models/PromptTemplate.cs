using System.Text.RegularExpressions;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;

namespace RagApi.Knowledge.Models;

/// <summary>
/// A prompt file with {{name}} placeholders. Loading checks the file has exactly the placeholders the code fills,
/// so a missing or misspelt one fails at start, not per request. Rendering replaces the template's own
/// placeholders in one pass, so text inside a passage can never be taken for a placeholder.
/// </summary>
public sealed partial class PromptTemplate
{
    private readonly string _text;

    private PromptTemplate(string name, string text)
    {
        Name = name;
        _text = text;
    }

    public string Name { get; }

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    private static partial Regex Placeholder();

    public static PromptTemplate Load(string folder, string fileName, params string[] placeholders)
    {
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"The prompt file '{path}' is missing; set Prompts:Path to the prompts folder.", path);
        var text = File.ReadAllText(path).Trim();
        var found = Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var missing = placeholders.Where(p => !found.Contains(p)).ToList();
        var unknown = found.Where(f => !placeholders.Contains(f)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
            throw new InvalidDataException(
                $"The prompt file '{path}' must contain exactly the placeholders {string.Join(", ", placeholders.Select(p => $"{{{{{p}}}}}"))}" +
                (missing.Count > 0 ? $"; missing: {string.Join(", ", missing)}" : "") +
                (unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}" : "") + ".");
        return new PromptTemplate(fileName, text);
    }

    public string Render(IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(_text, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"The prompt '{Name}' needs a value for {{{{{m.Groups[1].Value}}}}}."));
}

/// <summary>
/// The prompts the model calls use, loaded once at start: the rules go in the system message, the data (documents,
/// conversation) and then the question in the user message.
/// </summary>
public sealed record GenerationPrompts(PromptTemplate AnswerRules, PromptTemplate Answer, PromptTemplate CondenseRules, PromptTemplate CondenseQuestion)
{
    public static GenerationPrompts Load(string folder) => new(
        PromptTemplate.Load(folder, "answer-rules.md"),
        PromptTemplate.Load(folder, "answer.md", "documents", "question"),
        PromptTemplate.Load(folder, "condense-question-rules.md"),
        PromptTemplate.Load(folder, "condense-question.md", "history", "question"));
}
