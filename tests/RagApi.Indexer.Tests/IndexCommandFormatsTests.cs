using RagApi.Testing;

namespace RagApi.Indexer.Tests;

public sealed class IndexCommandFormatsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string StoreFile => Path.Combine(_folder.Root, "store", "ragapi.db");

    private Task<CliResult> IndexAsync(string source) => IndexerCli.RunAsync(_folder.Root, "index", source, "--store", "store/ragapi.db");

    [Fact]
    public async Task A_folder_with_nothing_readable_fails_naming_the_skipped_extensions_and_writes_nothing()
    {
        _folder.Write("docs/a.docx", "word");
        _folder.Write("docs/b.txt", "text");

        var result = await IndexAsync("docs");

        Assert.Equal((1, true, false), (result.ExitCode, result.Error.Contains("nothing readable: 2 file(s) skipped (1 .docx, 1 .txt)", StringComparison.Ordinal), File.Exists(StoreFile)));
    }

    [Fact]
    public async Task A_corrupt_pdf_beside_good_documents_is_rejected_by_name_and_nothing_is_written()
    {
        _folder.Write("docs/a.md", TestDocuments.Markdown("a", "Amifampridine is the preferred symptomatic drug."));
        var pdf = TestPdfs.Build(["Aspirin is given within an hour of arrival."]);
        File.WriteAllBytes(Path.Combine(_folder.Root, "docs", "broken.pdf"), pdf[..(pdf.Length / 3)]);
        _folder.Write("docs/broken.yaml", TestPdfs.Sidecar);

        var result = await IndexAsync("docs");

        Assert.Equal((1, true, true, false),
            (result.ExitCode, result.Error.Contains("broken.pdf: corrupt PDF", StringComparison.Ordinal),
             result.Error.Contains("Rejected 1 file(s)", StringComparison.Ordinal), File.Exists(StoreFile)));
    }

    [Fact]
    public async Task A_mixed_folder_is_indexed_with_its_pages_counted_and_unread_files_named()
    {
        _folder.Write("docs/a.md", TestDocuments.Markdown("a", "Amifampridine is the preferred symptomatic drug."));
        File.WriteAllBytes(Path.Combine(_folder.Root, "docs", "guideline.pdf"), TestPdfs.Build(["Aspirin is given within an hour of arrival."], ["Heparin is started after imaging."]));
        _folder.Write("docs/guideline.yaml", TestPdfs.Sidecar);
        _folder.Write("docs/page.html", "<html><body><main><h1>Stroke</h1><p>Thrombolysis is given within 4.5 hours.</p></main></body></html>");
        _folder.Write("docs/page.yaml", "id: stroke-page\nkind: guideline\n");
        _folder.Write("docs/notes.txt", "not a document");

        var result = await IndexAsync("docs");

        Assert.Equal((0, true, true, true),
            (result.ExitCode, result.Output.Contains("Indexing 3 documents (2 PDF pages)", StringComparison.Ordinal),
             result.Output.Contains("Done: added 3", StringComparison.Ordinal), result.Output.Contains("skipped: docs/notes.txt", StringComparison.Ordinal)));
    }
}
