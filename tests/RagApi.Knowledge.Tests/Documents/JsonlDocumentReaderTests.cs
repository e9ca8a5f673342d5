using RagApi.Knowledge.Ingestion.Documents;

namespace RagApi.Knowledge.Tests.Documents;

public sealed class JsonlDocumentReaderTests
{
    private const string File = "corpus/nfcorpus.jsonl";
    private readonly List<DocumentProblem> _problems = [];

    private List<SourceDocument> Read(string jsonl) => JsonlDocumentReader.Read(File, new StringReader(jsonl), _problems).ToList();

    [Fact]
    public void Read_BeirLine_IsResearchTitledByItsIdWithTheMetadataFields()
    {
        const string line = """{"_id": "MED-10", "title": "", "text": "Statins lower cholesterol.", "metadata": {"year": 2012, "kind": "research", "source": "PubMed", "url": "https://pubmed.example/10"}}""";

        var document = Assert.Single(Read(line));

        Assert.Equal(
            new SourceDocument("MED-10", "MED-10", DocumentKind.Research, "PubMed", 2012, "https://pubmed.example/10", "",
                "Statins lower cholesterol.", new DocumentOrigin(File, 1)),
            document);
    }

    [Fact]
    public void Read_LineWithoutKind_IsResearch()
    {
        var document = Assert.Single(Read("""{"id": "a", "text": "Some text."}"""));

        Assert.Equal(DocumentKind.Research, document.Kind);
    }

    [Fact]
    public void Read_TopLevelField_WinsOverTheSameFieldInMetadata()
    {
        var document = Assert.Single(Read("""{"id": "a", "text": "Some text.", "year": 2001, "metadata": {"year": 1999}}"""));

        Assert.Equal(2001, document.Year);
    }

    [Fact]
    public void Read_EachDocument_KnowsItsLine()
    {
        var documents = Read("{\"id\": \"a\", \"text\": \"One.\"}\n\n{\"id\": \"b\", \"text\": \"Two.\"}\n");

        Assert.Equal([1, 3], documents.Select(d => d.Origin.Line));
    }

    [Fact]
    public void Read_MalformedJsonLine_NamesTheFileAndItsLineNumber()
    {
        var documents = Read("{\"id\": \"a\", \"text\": \"One.\"}\n\n{\"id\": \"b\", \"text\": \n{\"id\": \"c\", \"text\": \"Three.\"}\n");

        var problem = Assert.Single(_problems);
        Assert.Equal((File, 3, true), (problem.File, problem.Line, problem.Message.StartsWith("malformed JSON")));
    }

    [Fact]
    public void Read_MalformedJsonLine_StillReadsTheOtherLines()
    {
        var documents = Read("{\"id\": \"a\", \"text\": \"One.\"}\nnot json\n{\"id\": \"c\", \"text\": \"Three.\"}\n");

        Assert.Equal(["a", "c"], documents.Select(d => d.Id));
    }

    [Fact]
    public void Read_LineThatIsNotAnObject_NamesItsLine()
    {
        Read("{\"id\": \"a\", \"text\": \"One.\"}\n[1, 2]\n");

        var problem = Assert.Single(_problems);
        Assert.Equal((2, "each line must be a JSON object"), (problem.Line, problem.Message));
    }

    [Fact]
    public void Read_LineWithEmptyText_NamesItsLine()
    {
        Read("{\"id\": \"a\", \"text\": \"One.\"}\n{\"_id\": \"b\", \"text\": \"  \"}\n");

        var problem = Assert.Single(_problems);
        Assert.Equal((2, "document 'b' has no text"), (problem.Line, problem.Message));
    }

    [Fact]
    public void Read_LineWithBadYearInMetadata_NamesItsLine()
    {
        Read("{\"id\": \"a\", \"text\": \"One.\"}\n{\"_id\": \"b\", \"text\": \"Two.\", \"metadata\": {\"year\": \"n/a\"}}\n");

        var problem = Assert.Single(_problems);
        Assert.Equal((2, true), (problem.Line, problem.Message.StartsWith("'year' must be a four-digit year")));
    }
}
