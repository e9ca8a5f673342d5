using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Documents;

public sealed class DocumentSourceLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private DocumentValidationException LoadExpectingProblems() =>
        Assert.Throws<DocumentValidationException>(() => DocumentSourceLoader.Load(_folder.Root));

    [Fact]
    public void Load_Folder_ReadsMarkdownAndJsonlFromEverySubfolder()
    {
        _folder.Write("guidelines/g.md", TestDocuments.Markdown("g", "Guideline text.", "guideline"));
        _folder.Write("research/deep/r.md", TestDocuments.Markdown("r", "Research text."));
        _folder.Write("corpus.jsonl", "{\"_id\": \"j1\", \"text\": \"One.\"}\n{\"_id\": \"j2\", \"text\": \"Two.\"}\n");
        _folder.Write("notes.txt", "not a document");

        var documents = DocumentSourceLoader.Load(_folder.Root);

        Assert.Equal(["g", "j1", "j2", "r"], documents.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_SingleFile_ReadsOnlyThatFile()
    {
        var file = _folder.Write("a.md", TestDocuments.Markdown("a", "Text."));
        _folder.Write("b.md", TestDocuments.Markdown("b", "Text."));

        var documents = DocumentSourceLoader.Load(file);

        Assert.Equal(["a"], documents.Select(d => d.Id));
    }

    [Fact]
    public void Load_FilesUnderAnEvalFolder_AreSkipped()
    {
        _folder.Write("a.md", TestDocuments.Markdown("a", "Text."));
        _folder.Write("eval/questions.jsonl", "{\"question\": \"not a document\"}\n");
        _folder.Write("research/eval/broken.md", "no front matter");

        var documents = DocumentSourceLoader.Load(_folder.Root);

        Assert.Equal(["a"], documents.Select(d => d.Id));
    }

    [Fact]
    public void Load_FileNamedEvalOutsideAnEvalFolder_IsRead()
    {
        _folder.Write("evaluation/eval.md", TestDocuments.Markdown("e", "Text."));

        var documents = DocumentSourceLoader.Load(_folder.Root);

        Assert.Equal(["e"], documents.Select(d => d.Id));
    }

    [Fact]
    public void Load_BadFile_ThrowsWithAProblemNamingThatFileAndLine()
    {
        _folder.Write("a.md", TestDocuments.Markdown("a", "Text."));
        var bad = _folder.Write("research/bad.md", "---\nid: bad\ntitle: T\nkind: opinion\n---\nText.\n");

        var problem = Assert.Single(LoadExpectingProblems().Problems);

        Assert.Equal((bad, 4), (Path.GetFullPath(problem.File), problem.Line));
    }

    [Fact]
    public void Load_ProblemsInSeveralFiles_ListsEveryOne()
    {
        var first = _folder.Write("a.md", "---\nkind: research\n---\nText.\n");
        var second = _folder.Write("b.jsonl", "{\"id\": \"b\", \"text\": \"Two.\"}\n{broken\n");

        var problems = LoadExpectingProblems().Problems;

        Assert.Equal([(first, 1), (second, 2)], problems.Select(p => (Path.GetFullPath(p.File), p.Line)));
    }

    [Fact]
    public void Load_DuplicateIdAcrossTwoFiles_NamesTheSecondFileAndTheFirstDefinition()
    {
        _folder.Write("a.md", TestDocuments.Markdown("same", "First."));
        var second = _folder.Write("b.md", TestDocuments.Markdown("same", "Second."));

        var problem = Assert.Single(LoadExpectingProblems().Problems);

        Assert.Equal((second, 1, true), (Path.GetFullPath(problem.File), problem.Line, problem.Message.StartsWith("duplicate id 'same' (first defined at ") && problem.Message.Contains("a.md:1")));
    }

    [Fact]
    public void Load_DuplicateIdBetweenMarkdownAndJsonl_NamesTheJsonlLine()
    {
        _folder.Write("a.md", TestDocuments.Markdown("same", "First."));
        var jsonl = _folder.Write("b.jsonl", "{\"id\": \"other\", \"text\": \"One.\"}\n{\"id\": \"same\", \"text\": \"Two.\"}\n");

        var problem = Assert.Single(LoadExpectingProblems().Problems);

        Assert.Equal((jsonl, 2), (Path.GetFullPath(problem.File), problem.Line));
    }

    [Fact]
    public void Load_MissingPath_IsAProblem()
    {
        var missing = Path.Combine(_folder.Root, "nowhere");

        var exception = Assert.Throws<DocumentValidationException>(() => DocumentSourceLoader.Load(missing));

        Assert.Equal("no such file or folder", Assert.Single(exception.Problems).Message);
    }

    [Fact]
    public void Load_Problems_AreAllInTheExceptionMessage()
    {
        _folder.Write("a.md", "---\nid: a\nkind: research\nyear: 20\n---\nText.\n");

        var exception = LoadExpectingProblems();

        Assert.Contains("a.md:4: 'year' must be a four-digit year, not '20'", exception.Message);
    }
}
