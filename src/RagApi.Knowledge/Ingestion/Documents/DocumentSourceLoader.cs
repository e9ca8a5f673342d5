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

    /// <summary>Every document in memory at once: for small sources (the seeds, tests, benchmarks).</summary>
    public static DocumentSet LoadSet(string path)
    {
        var problems = new List<DocumentProblem>();
        var skipped = new List<string>();
        var notes = new List<string>();
        var files = FilesUnder(path, problems);
        var documents = ReadAll(files, problems, skipped, notes).ToList();
        ThrowOnProblems(path, files, documents.Select(d => (d.Id, d.Origin)), skipped, problems);
        return new DocumentSet(documents, skipped, notes);
    }

    /// <summary>
    /// Validates the whole source while keeping only each document's id and page count, then lets the documents
    /// be read again one at a time while they are indexed: memory stays bounded however large the source, and bad
    /// input is still refused before anything is written.
    /// </summary>
    public static DocumentSource Open(string path)
    {
        var problems = new List<DocumentProblem>();
        var skipped = new List<string>();
        var notes = new List<string>();
        var files = FilesUnder(path, problems);
        var entries = new List<DocumentEntry>();
        var origins = new List<(string Id, DocumentOrigin Origin)>();
        foreach (var document in ReadAll(files, problems, skipped, notes))
        {
            entries.Add(new DocumentEntry(document.Id, document.Pages));
            origins.Add((document.Id, document.Origin));
        }
        ThrowOnProblems(path, files, origins, skipped, problems);
        return new DocumentSource(entries, skipped, notes, () => ReadAgain(files));
    }

    private static IEnumerable<SourceDocument> ReadAgain(IReadOnlyList<string> files)
    {
        var problems = new List<DocumentProblem>();
        foreach (var document in ReadAll(files, problems, [], []))
        {
            if (problems.Count > 0) break;
            yield return document;
        }
        // The files changed since they were validated: stop with what is wrong; documents written so far are whole.
        if (problems.Count > 0) throw new DocumentValidationException(problems);
    }

    private static IEnumerable<SourceDocument> ReadAll(IReadOnlyList<string> files, List<DocumentProblem> problems, List<string> skipped, List<string> notes)
    {
        foreach (var file in files)
        {
            var display = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
            var format = DocumentFormats.Of(file);
            if (format == DocumentFormat.None)
            {
                if (!SidecarMetadata.IsSidecar(file)) skipped.Add(display);
                continue;
            }
            foreach (var document in Read(format, file, display, problems, notes)) yield return document;
        }
    }

    private static void ThrowOnProblems(string path, IReadOnlyList<string> files, IEnumerable<(string Id, DocumentOrigin Origin)> documents,
        List<string> skipped, List<DocumentProblem> problems)
    {
        var read = documents.ToList();
        if (problems.Count == 0 && read.Count == 0 && files.Count > 0)
            problems.Add(new(path, 0, skipped.Count > 0
                ? $"nothing readable: {skipped.Count} file(s) skipped ({SkippedSummary(skipped)}); the indexer reads .md, .jsonl, .pdf, .html, PubMed and JATS .xml"
                : "nothing readable: no documents in it"));
        else if (problems.Count == 0 && files.Count == 0 && Directory.Exists(path))
            problems.Add(new(path, 0, "nothing readable: the folder holds no files"));
        AddDuplicateProblems(read, problems);
        if (problems.Count > 0) throw new DocumentValidationException(problems);
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
                return ReadJsonl(file, display, problems);
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

    /// <summary>Line by line, so a corpus of any size is never held whole.</summary>
    private static IEnumerable<SourceDocument> ReadJsonl(string file, string display, List<DocumentProblem> problems)
    {
        using var reader = File.OpenText(file);
        foreach (var document in JsonlDocumentReader.Read(display, reader, problems)) yield return document;
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

    private static void AddDuplicateProblems(List<(string Id, DocumentOrigin Origin)> documents, List<DocumentProblem> problems)
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

/// <summary>A document's id and PDF page count, all a validated source keeps of it until it is read again.</summary>
public sealed record DocumentEntry(string Id, int Pages);

/// <summary>
/// A validated source: what it holds (<see cref="Entries"/>, skipped files, notes) and its documents read again,
/// lazily and in the same order, by <see cref="Documents"/>.
/// </summary>
public sealed class DocumentSource(IReadOnlyList<DocumentEntry> entries, IReadOnlyList<string> skipped, IReadOnlyList<string> notes,
    Func<IEnumerable<SourceDocument>> documents)
{
    public IReadOnlyList<DocumentEntry> Entries => entries;

    public IReadOnlyList<string> Skipped => skipped;

    public IReadOnlyList<string> Notes => notes;

    public IEnumerable<SourceDocument> Documents() => documents();
}
