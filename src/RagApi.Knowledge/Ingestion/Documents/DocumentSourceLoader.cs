namespace RagApi.Knowledge.Ingestion.Documents;

/// <summary>
/// Loads every document under a folder (or one file) and validates the whole set before anything is written:
/// one bad file anywhere stops the run with every problem listed.
/// </summary>
public static class DocumentSourceLoader
{
    /// <summary>Folders of evaluation suites live beside the seeds but are not documents.</summary>
    public const string EvaluationFolderName = "eval";

    public static IReadOnlyList<SourceDocument> Load(string path)
    {
        var problems = new List<DocumentProblem>();
        var documents = new List<SourceDocument>();
        foreach (var file in FilesUnder(path, problems))
        {
            var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
            if (file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                using var reader = File.OpenText(file);
                documents.AddRange(JsonlDocumentReader.Read(display, reader, problems));
            }
            else if (MarkdownDocumentReader.Read(display, File.ReadAllText(file), problems) is { } document)
            {
                documents.Add(document);
            }
        }
        AddDuplicateProblems(documents, problems);
        if (problems.Count > 0) throw new DocumentValidationException(problems);
        return documents;
    }

    private static IEnumerable<string> FilesUnder(string path, List<DocumentProblem> problems)
    {
        if (File.Exists(path)) return [Path.GetFullPath(path)];
        if (!Directory.Exists(path))
        {
            problems.Add(new(path, 0, "no such file or folder"));
            return [];
        }
        var root = Path.GetFullPath(path);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            .Where(f => !IsUnderEvaluationFolder(root, f))
            .Order(StringComparer.Ordinal);
    }

    private static bool IsUnderEvaluationFolder(string root, string file) =>
        Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar)[..^1]
            .Contains(EvaluationFolderName, StringComparer.OrdinalIgnoreCase);

    private static void AddDuplicateProblems(List<SourceDocument> documents, List<DocumentProblem> problems)
    {
        foreach (var group in documents.GroupBy(d => d.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First().Origin;
            foreach (var duplicate in group.Skip(1))
                problems.Add(new(duplicate.Origin.File, duplicate.Origin.Line, $"duplicate id '{group.Key}' (first defined at {first})"));
        }
    }
}
