using RagApi.Knowledge.Ingestion.Documents;

namespace RagApi.Knowledge.Tests.Documents;

public sealed class MarkdownDocumentReaderTests
{
    private const string File = "guidelines/lems.md";
    private readonly List<DocumentProblem> _problems = [];

    [Fact]
    public void Read_ValidFile_ReadsEveryFrontMatterField()
    {
        const string content = """
            ---
            id: lems-2011
            title: "Lambert-Eaton myasthenic syndrome"
            kind: guideline
            source: "The Lancet Neurology"
            year: 2011
            url: "https://doi.org/10.1016/example"
            citation: "Titulaer MJ. LEMS. Lancet Neurol. 2011."
            ---
            ## Treatment

            Amifampridine is the first-line symptomatic drug.
            """;

        var document = MarkdownDocumentReader.Read(File, content, _problems);

        Assert.Equal(
            new SourceDocument("lems-2011", "Lambert-Eaton myasthenic syndrome", DocumentKind.Guideline, "The Lancet Neurology", 2011,
                "https://doi.org/10.1016/example", "Titulaer MJ. LEMS. Lancet Neurol. 2011.",
                "## Treatment\n\nAmifampridine is the first-line symptomatic drug.", new DocumentOrigin(File, 1)),
            document);
    }

    [Fact]
    public void Read_ValidFile_ReportsNoProblems()
    {
        MarkdownDocumentReader.Read(File, "---\nid: a\nkind: research\n---\nSome text.\n", _problems);

        Assert.Empty(_problems);
    }

    [Fact]
    public void Read_WithoutTitle_FallsBackToTheId()
    {
        var document = MarkdownDocumentReader.Read(File, "---\nid: lems-2011\nkind: research\n---\nSome text.\n", _problems);

        Assert.Equal("lems-2011", document?.Title);
    }

    [Fact]
    public void Read_MissingId_ReportsTheFileAtLineOne()
    {
        MarkdownDocumentReader.Read(File, "---\ntitle: T\nkind: research\n---\nSome text.\n", _problems);

        var problem = Assert.Single(_problems);
        Assert.Equal((File, 1, "missing 'id'"), (problem.File, problem.Line, problem.Message));
    }

    [Fact]
    public void Read_UnknownKind_ReportsTheLineOfTheKindField()
    {
        MarkdownDocumentReader.Read(File, "---\nid: a\ntitle: T\nkind: review\n---\nSome text.\n", _problems);

        var problem = Assert.Single(_problems);
        Assert.Equal((File, 4, true), (problem.File, problem.Line, problem.Message.Contains("unknown kind 'review'")));
    }

    [Fact]
    public void Read_MissingKind_IsAProblemBecauseMarkdownHasNoDefaultKind()
    {
        MarkdownDocumentReader.Read(File, "---\nid: a\n---\nSome text.\n", _problems);

        var problem = Assert.Single(_problems);
        Assert.StartsWith("missing 'kind'", problem.Message);
    }

    [Theory]
    [InlineData("title: \"unclosed quote\nyear: 2011", 4)]
    [InlineData("title: Myasthenia: a review", 4)]
    [InlineData("title: T\n  year: 2011", 5)]
    public void Read_BrokenYaml_ReportsABrokenFrontMatterProblemAtTheBrokenLine(string brokenLines, int line)
    {
        MarkdownDocumentReader.Read(File, $"---\nid: a\nkind: research\n{brokenLines}\n---\nSome text.\n", _problems);

        var problem = Assert.Single(_problems);
        Assert.Equal((File, line, true), (problem.File, problem.Line, problem.Message.StartsWith("broken front matter")));
    }

    [Fact]
    public void Read_UnclosedFlowSequenceAtTheEnd_IsABrokenFrontMatterProblem()
    {
        MarkdownDocumentReader.Read(File, "---\nid: a\nkind: research\ntitle: [unclosed, list\n---\nSome text.\n", _problems);

        var problem = Assert.Single(_problems);
        Assert.StartsWith("broken front matter", problem.Message);
    }

    [Fact]
    public void Read_UnclosedFlowSequenceFollowedByAnotherField_IsABrokenFrontMatterProblemNotACrash()
    {
        MarkdownDocumentReader.Read(File, "---\nid: a\nkind: research\ntitle: [unclosed, list\nyear: 2011\n---\nSome text.\n", _problems);

        var problem = Assert.Single(_problems);
        Assert.Equal((File, true), (problem.File, problem.Message.StartsWith("broken front matter")));
    }

    [Fact]
    public void Read_MissingFrontMatter_ReportsLineOne()
    {
        MarkdownDocumentReader.Read(File, "# Heading\n\nSome text.\n", _problems);

        var problem = Assert.Single(_problems);
        Assert.Equal((File, 1, true), (problem.File, problem.Line, problem.Message.StartsWith("missing front matter")));
    }

    [Fact]
    public void Read_UnclosedFrontMatter_IsAProblem()
    {
        MarkdownDocumentReader.Read(File, "---\nid: a\nkind: research\nSome text.\n", _problems);

        var problem = Assert.Single(_problems);
        Assert.Contains("not closed", problem.Message);
    }

    [Fact]
    public void Read_EmptyText_ReportsThatTheDocumentHasNoText()
    {
        MarkdownDocumentReader.Read(File, "---\nid: a\nkind: research\n---\n\n   \n", _problems);

        var problem = Assert.Single(_problems);
        Assert.Equal((File, 1, "document 'a' has no text"), (problem.File, problem.Line, problem.Message));
    }

    [Theory]
    [InlineData("11")]
    [InlineData("twenty-eleven")]
    [InlineData("3011")]
    public void Read_BadYear_ReportsTheLineOfTheYearField(string year)
    {
        MarkdownDocumentReader.Read(File, $"---\nid: a\nkind: research\ntitle: T\nyear: {year}\n---\nSome text.\n", _problems);

        var problem = Assert.Single(_problems);
        Assert.Equal((File, 5, true), (problem.File, problem.Line, problem.Message.StartsWith("'year' must be a four-digit year")));
    }

    [Fact]
    public void Read_FieldWithAListValue_ReportsTheLineOfThatField()
    {
        MarkdownDocumentReader.Read(File, "---\nid: a\nkind: research\nsource:\n  - one\n  - two\n---\nSome text.\n", _problems);

        var problem = Assert.Single(_problems);
        Assert.Equal((File, 4), (problem.File, problem.Line));
    }

    [Fact]
    public void Read_SeveralProblems_ReportsAllOfThem()
    {
        MarkdownDocumentReader.Read(File, "---\nkind: review\nyear: soon\n---\n", _problems);

        Assert.Equal([1, 2, 3, 1], _problems.Select(p => p.Line));
    }

    [Fact]
    public void Read_WindowsLineEndings_ReadsTheSameDocument()
    {
        var unix = MarkdownDocumentReader.Read(File, "---\nid: a\nkind: research\n---\nLine one.\nLine two.\n", _problems);

        var windows = MarkdownDocumentReader.Read(File, "---\r\nid: a\r\nkind: research\r\n---\r\nLine one.\r\nLine two.\r\n", _problems);

        Assert.Equal(unix, windows);
    }
}
