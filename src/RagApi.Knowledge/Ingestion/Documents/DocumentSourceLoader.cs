namespace RagApi.Knowledge.Ingestion.Documents;

/// <summary>
/// Loads every document under a folder (or one file) and validates the whole set before anything is written:
/// one bad file anywhere stops the run with every problem listed. Files in no format the indexer reads are
/// skipped and named; a folder with nothing readable is a problem, not an empty success.
/// </summary>
public static class DocumentSourceLoader
{
    /// <summary>Folders of evaluation suites live beside the seeds but are not documents.</summary>
    public const string EvaluationFolderName = "eval";

    public static IReadOnlyList<SourceDocument> Load(string path) => LoadSet(path).Documents;

    public static DocumentSet LoadSet(string path)
    {
        var problems = new List<DocumentProblem>();
        var documents = new List<SourceDocument>();
        var skipped = new List<string>();
        var notes = new List<string>();
        var files = FilesUnder(path, problems);
        foreach (var file in files)
        {
            var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
            var format = DocumentFormats.Of(file);
            if (format == DocumentFormat.None)
            {
                if (!SidecarMetadata.IsSidecar(file)) skipped.Add(display);
                continue;
            }
            documents.AddRange(Read(format, file, display, problems, notes));
        }
        if (problems.Count == 0 && documents.Count == 0 && files.Count > 0)
            problems.Add(new(path, 0, skipped.Count > 0
                ? $"nothing readable: {skipped.Count} file(s) skipped ({SkippedSummary(skipped)}); the indexer reads .md, .jsonl, .pdf, .html, PubMed and JATS .xml"
                : "nothing readable: no documents in it"));
        else if (problems.Count == 0 && files.Count == 0 && Directory.Exists(path))
            problems.Add(new(path, 0, "nothing readable: the folder holds no files"));
        AddDuplicateProblems(documents, problems);
        if (problems.Count > 0) throw new DocumentValidationException(problems);
        return new DocumentSet(documents, skipped, notes);
    }

    /// <summary>"3 .txt, 1 .docx": what was skipped, by extension.</summary>
    public static string SkippedSummary(IEnumerable<string> skipped) =>
        string.Join(", ", skipped.GroupBy(f => Path.GetExtension(f) is { Length: > 0 } e ? e.ToLowerInvariant() : "(no extension)")
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}"));

    private static IEnumerable<SourceDocument> Read(DocumentFormat format, string file, string display, List<DocumentProblem> problems, List<string> notes)
    {
        switch (format)
        {
            case DocumentFormat.Jsonl:
                using (var reader = File.OpenText(file))
                    return JsonlDocumentReader.Read(display, reader, problems).ToList();
            case DocumentFormat.Markdown:
                return MarkdownDocumentReader.Read(display, File.ReadAllText(file), problems) is { } document ? [document] : [];
            case DocumentFormat.Pdf:
                return Pdf.PdfDocumentReader.Read(file, display, problems) is { } pdf ? [pdf] : [];
            case DocumentFormat.Html:
                return Html.HtmlDocumentReader.Read(file, display, problems) is { } html ? [html] : [];
            case DocumentFormat.PubMedXml:
                return Xml.PubMedDocumentReader.Read(file, display, problems, notes);
            case DocumentFormat.JatsXml:
                return Xml.JatsDocumentReader.Read(file, display, problems) is { } jats ? [jats] : [];
            default:
                problems.Add(new(display, 1, "XML that is neither PubMed (PubmedArticleSet) nor JATS (article)"));
                return [];
        }
    }

    private static IReadOnlyList<string> FilesUnder(string path, List<DocumentProblem> problems)
    {
        if (File.Exists(path)) return [Path.GetFullPath(path)];
        if (!Directory.Exists(path))
        {
            problems.Add(new(path, 0, "no such file or folder"));
            return [];
        }
        var root = Path.GetFullPath(path);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !IsUnderEvaluationFolder(root, f))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsUnderEvaluationFolder(string root, string file) =>
        Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).AsSpan()[..^1].ToArray()
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

/// <summary>
/// The documents read from a source, the files skipped because no reader reads them, and notes on records left
/// out of a file that was read (a PubMed article without an abstract).
/// </summary>
public sealed record DocumentSet(IReadOnlyList<SourceDocument> Documents, IReadOnlyList<string> Skipped, IReadOnlyList<string> Notes);
