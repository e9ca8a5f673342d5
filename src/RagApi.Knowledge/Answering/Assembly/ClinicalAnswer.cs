using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;
namespace RagApi.Knowledge.Answering.Assembly;

/// <summary>The answer contract of DESIGN.md: markdown with [n] markers, the same statements structured, and the citations.</summary>
public sealed record ClinicalAnswer(
    string Id,
    string Question,
    string StandaloneQuestion,
    string Generator,
    bool InsufficientEvidence,
    string Answer,
    IReadOnlyList<AnswerSection> Sections,
    IReadOnlyList<AnswerCitation> Citations,
    string Disclaimer,
    IReadOnlyList<string> FollowUpQuestions)
{
    /// <summary>The statement that answers the question directly, shown before the sections and not repeated in them; null when the composer chose none.</summary>
    public AnswerStatement? Lead { get; init; }

    /// <summary>What citation verification changed in a generated answer; null for extractive answers.</summary>
    public Verification.VerificationReport? Verification { get; init; }
}

public sealed record AnswerSection(string Title, IReadOnlyList<AnswerStatement> Statements);

/// <summary>
/// A statement with its citation numbers. <paramref name="Heading"/> names the aspect it belongs to ("Treatment");
/// consecutive statements of a section with the same heading form one group; null when the section does not group.
/// </summary>
public sealed record AnswerStatement(string Text, IReadOnlyList<int> Citations, string? Heading = null);

public sealed record AnswerCitation(
    int Number,
    string DocumentId,
    string ChunkId,
    string Title,
    string Source,
    string Kind,
    int? Year,
    string Url,
    string Citation,
    string Section,
    string Passage,
    string Quote,
    float Score)
{
    /// <summary>The 1-based PDF page of the quoted sentence; null for sources without pages.</summary>
    public int? Page { get; init; }
}

public static class SectionTitles
{
    public const string Guidelines = "From the Guidelines";
    public const string Research = "From the Research";
}

internal static class Generators
{
    public const string Extractive = "extractive";
    public const string AzureOpenAI = "azure-openai";
    public const string OpenAI = "openai";
    public const string ExtractiveFallback = "extractive-fallback";
}

public sealed record ConversationTurn(string Role, string Content)
{
    public const string User = "user";
    public const string Assistant = "assistant";
}
