using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Ingestion.Documents.Pdf;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Ingestion;

public sealed class PdfDocumentReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string WritePdf(string name, byte[] bytes, string? sidecar = TestPdfs.Sidecar)
    {
        var path = Path.Combine(_folder.Root, name);
        File.WriteAllBytes(path, bytes);
        if (sidecar is not null) _folder.Write(Path.ChangeExtension(name, ".yaml"), sidecar);
        return path;
    }

    private DocumentProblem SingleProblem() =>
        Assert.Single(Assert.Throws<DocumentValidationException>(() => DocumentSourceLoader.Load(_folder.Root)).Problems);

    [Fact]
    public void Each_paragraph_keeps_the_page_it_is_printed_on()
    {
        WritePdf("g.pdf", TestPdfs.Build(["Aspirin is given within an hour of arrival."], ["Heparin is started after imaging."]));

        var document = Assert.Single(DocumentSourceLoader.Load(_folder.Root));

        Assert.Equal([(1, "Aspirin is given within an hour of arrival."), (2, "Heparin is started after imaging.")],
            document.Blocks!.Select(b => (b.Page ?? 0, b.Text)));
    }

    [Fact]
    public void A_larger_bold_line_is_the_section_of_the_text_under_it()
    {
        WritePdf("g.pdf", TestPdfs.Build(["# Treatment", "Aspirin is given within an hour of arrival."], ["# Follow-up", "Heparin is started after imaging."]));

        var document = Assert.Single(DocumentSourceLoader.Load(_folder.Root));

        Assert.Equal([["Treatment"], ["Follow-up"]], document.Blocks!.Select(b => b.Headings.ToArray()));
    }

    [Fact]
    public void Bold_words_opening_a_line_before_body_text_are_a_run_in_heading_of_that_paragraph()
    {
        WritePdf("g.pdf", TestPdfs.Build(["# Treatment", "**Dosing.** Aspirin 300 mg is given within an hour of arrival.", "**Monitoring:** Blood pressure is checked every four hours."],
            ["# Follow-up", "Heparin is started after imaging."]));

        var document = Assert.Single(DocumentSourceLoader.Load(_folder.Root));

        Assert.Equal([("Treatment > Dosing", "Aspirin 300 mg is given within an hour of arrival."), ("Treatment > Monitoring", "Blood pressure is checked every four hours."),
                ("Follow-up", "Heparin is started after imaging.")],
            document.Blocks!.Select(b => (string.Join(" > ", b.Headings), b.Text)));
    }

    [Fact]
    public void A_line_opening_with_a_bold_word_that_is_not_a_heading_stays_in_its_paragraph()
    {
        WritePdf("g.pdf", TestPdfs.Build(["# Treatment", "Aspirin is given within an hour of arrival and", "**Never** given to a child under sixteen years of age."],
            ["# Follow-up", "Heparin is started after imaging."]));

        var document = Assert.Single(DocumentSourceLoader.Load(_folder.Root));

        Assert.Equal([("Treatment", "Aspirin is given within an hour of arrival and Never given to a child under sixteen years of age."), ("Follow-up", "Heparin is started after imaging.")],
            document.Blocks!.Select(b => (string.Join(" > ", b.Headings), b.Text)));
    }

    [Fact]
    public void The_metadata_comes_from_the_sidecar_beside_the_pdf()
    {
        WritePdf("g.pdf", TestPdfs.Build(["Aspirin is given within an hour of arrival."]));

        var document = Assert.Single(DocumentSourceLoader.Load(_folder.Root));

        Assert.Equal(("test-guideline", "Test guideline", DocumentKind.Guideline, (int?)2020, 1),
            (document.Id, document.Title, document.Kind, document.Year, document.Pages));
    }

    [Fact]
    public void A_pdf_without_metadata_is_refused_naming_the_file_and_what_to_add()
    {
        WritePdf("g.pdf", TestPdfs.Build(["Aspirin is given within an hour of arrival."]), sidecar: null);

        var problem = SingleProblem();

        Assert.Equal(("g.pdf", true), (Path.GetFileName(problem.File), problem.Message.Contains("missing 'id', 'title', 'kind': add g.yaml beside it", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_pdf_without_a_text_layer_is_refused_as_needing_ocr()
    {
        WritePdf("scan.pdf", TestPdfs.Build(null, null));

        Assert.Contains("no text layer on any of its 2 page(s)", SingleProblem().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_pdf_is_refused_naming_the_file()
    {
        var bytes = TestPdfs.Build(["Aspirin is given within an hour of arrival."]);
        WritePdf("broken.pdf", bytes[..(bytes.Length / 3)]);

        var problem = SingleProblem();

        Assert.Equal(("broken.pdf", true), (Path.GetFileName(problem.File), problem.Message.StartsWith("corrupt PDF", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_file_named_pdf_that_is_not_one_is_refused()
    {
        WritePdf("fake.pdf", "just text"u8.ToArray());

        Assert.Contains("not a PDF", SingleProblem().Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "the recommended treat-", "ment is aspirin" }, "the recommended treatment is aspirin")]
    [InlineData(new[] { "a follow-", "Up visit" }, "a follow- Up visit")]
    [InlineData(new[] { "from 2010-", "2012 onwards" }, "from 2010- 2012 onwards")]
    public void A_word_hyphenated_at_a_line_end_is_joined(string[] lines, string joined) =>
        Assert.Equal(joined, PdfPageLayout.JoinLines(lines));
}
