namespace RagApi.Knowledge.Ingestion.Documents;

/// <summary>A guideline or research text as read from seeds or a JSONL corpus, before chunking.</summary>
public sealed record SourceDocument(
    string Id,
    string Title,
    DocumentKind Kind,
    string Source,
    int? Year,
    string Url,
    string Citation,
    string Body,
    DocumentOrigin Origin);

/// <summary>Where a document came from, so every error can name the file and line.</summary>
public sealed record DocumentOrigin(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}

public sealed record DocumentProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

public sealed class DocumentValidationException(IReadOnlyList<DocumentProblem> problems)
    : KnowledgeException($"{problems.Count} problem(s) in the source documents:{Environment.NewLine}" +
                         string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<DocumentProblem> Problems { get; } = problems;

    public override bool IsTransient => false;
}
