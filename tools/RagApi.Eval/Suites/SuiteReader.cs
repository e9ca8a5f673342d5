using System.Text.Json;
using System.Text.Json.Serialization;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Eval.Suites;

/// <summary>Reads a JSONL suite; every problem is reported as file:line so the evaluator can fix the suite.</summary>
public static class SuiteReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IReadOnlyList<SuiteCase> Read(string path)
    {
        var cases = new List<SuiteCase>();
        var problems = new List<string>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var location = $"{path}:{lineNumber}";
            try
            {
                var raw = JsonSerializer.Deserialize<RawCase>(line, Json) ?? throw new JsonException("the line is JSON null");
                var problem = Check(raw);
                if (problem is not null) problems.Add($"{location}: {problem}");
                else cases.Add(new SuiteCase(raw.Id ?? $"{Path.GetFileNameWithoutExtension(path)}:{lineNumber}", raw.Question!.Trim(),
                    raw.History ?? [], raw.ExpectedSourceIds ?? [], raw.ExpectedPhrases ?? [], raw.ShouldRefuse ?? false, location));
            }
            catch (JsonException e)
            {
                problems.Add($"{location}: not a suite case: {e.Message}");
            }
        }
        if (problems.Count > 0) throw new SuiteFormatException(problems);
        if (cases.Count == 0) throw new SuiteFormatException([$"{path}: the suite holds no cases."]);
        return cases;
    }

    private static string? Check(RawCase raw)
    {
        if (string.IsNullOrWhiteSpace(raw.Question)) return "'question' is required.";
        if (raw.History?.FirstOrDefault(t => t.Role is not (ConversationTurn.User or ConversationTurn.Assistant)) is { } bad)
            return $"history role must be 'user' or 'assistant', not '{bad.Role}'.";
        if (raw.ShouldRefuse == true && raw.ExpectedSourceIds is { Count: > 0 })
            return "a case that should be refused cannot expect sources.";
        if (raw.ShouldRefuse == true && raw.ExpectedPhrases is { Count: > 0 })
            return "a case that should be refused cannot expect phrases.";
        return null;
    }

    private sealed record RawCase(
        string? Id,
        string? Question,
        IReadOnlyList<ConversationTurn>? History,
        IReadOnlyList<string>? ExpectedSourceIds,
        IReadOnlyList<string>? ExpectedPhrases,
        bool? ShouldRefuse,
        string? Note);
}

public sealed class SuiteFormatException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
