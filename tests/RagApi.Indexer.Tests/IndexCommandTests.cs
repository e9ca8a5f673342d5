using System.Text.RegularExpressions;
using RagApi.Testing;

namespace RagApi.Indexer.Tests;

/// <summary>Indexes a small good folder with the real CLI, then runs it again unchanged.</summary>
public sealed class IndexedTwiceFixture : IAsyncLifetime
{
    public TempFolder Folder { get; } = new();

    public CliResult First { get; private set; } = null!;

    public CliResult Second { get; private set; } = null!;

    public string StorePath => Path.Combine(Folder.Root, "store", "ragapi.db");

    public async ValueTask InitializeAsync()
    {
        Folder.Write("docs/guidelines/lems-guideline.md", TestDocuments.Markdown("lems-guideline",
            "## Screening\n\nScreen for SCLC with CT of the chest. If CT is negative, FDG-PET is recommended.", "guideline"));
        Folder.Write("docs/research/lems-review.md", TestDocuments.Markdown("lems-review",
            "## Treatment\n\nAmifampridine is the preferred symptomatic drug. Prednisone is added when it is not enough."));
        Folder.Write("docs/eval/questions.jsonl", "{\"question\": \"not a document\"}\n");
        First = await IndexerCli.RunAsync(Folder.Root, "index", "docs", "--store", "store/ragapi.db");
        Second = await IndexerCli.RunAsync(Folder.Root, "index", "docs", "--store", "store/ragapi.db");
    }

    public ValueTask DisposeAsync()
    {
        Folder.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed partial class IndexCommandTests(IndexedTwiceFixture fixture) : IClassFixture<IndexedTwiceFixture>
{
    [GeneratedRegex(@"^\[(\d+)/(\d+)\] (\S+): \d+ chunks(?:, \d+ pages)?, [\d.]+ documents/s, ETA (?:\d\d:\d\d:\d\d|--:--:--)$")]
    private static partial Regex ProgressLine();

    [Fact]
    public void Index_GoodFolder_ExitsWithZero()
    {
        Assert.Equal(0, fixture.First.ExitCode);
    }

    [Fact]
    public void Index_GoodFolder_AnnouncesTheDocumentsAndTheStore()
    {
        Assert.Equal($"Indexing 2 documents from docs into {fixture.StorePath}", fixture.First.OutputLines[0]);
    }

    [Fact]
    public void Index_GoodFolder_PrintsTheSummaryLineWithEveryDocumentAdded()
    {
        Assert.StartsWith("Done: added 2, updated 0, unchanged 0, pruned 0, chunks 2, ", fixture.First.OutputLines[^1]);
    }

    [Fact]
    public void Index_Rerun_PrintsTheSummaryLineWithEveryDocumentUnchanged()
    {
        Assert.StartsWith("Done: added 0, updated 0, unchanged 2, pruned 0, chunks 0, ", fixture.Second.OutputLines[^1]);
    }

    [Fact]
    public void Index_Rerun_ExitsWithZero()
    {
        Assert.Equal(0, fixture.Second.ExitCode);
    }

    [Fact]
    public void Index_OutputRedirected_PrintsOnePlainProgressLinePerDocumentInOrder()
    {
        var progress = fixture.First.OutputLines.Select(l => ProgressLine().Match(l)).Where(m => m.Success)
            .Select(m => $"{m.Groups[1].Value}/{m.Groups[2].Value} {m.Groups[3].Value}");

        Assert.Equal(["1/2 lems-guideline", "2/2 lems-review"], progress);
    }

    [Fact]
    public void Index_OutputRedirected_WritesNoTerminalControlCodes()
    {
        Assert.DoesNotContain('\u001b', fixture.First.Output);
    }
}
