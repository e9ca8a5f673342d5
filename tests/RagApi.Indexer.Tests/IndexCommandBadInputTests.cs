using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using RagApi.Knowledge.Storage.Embedded;
using RagApi.Testing;

namespace RagApi.Indexer.Tests;

/// <summary>
/// Builds a store from a good folder, then runs the CLI on a folder where one document changed and another is broken,
/// recording the store's files and contents before and after.
/// </summary>
public sealed class BadInputFixture : IAsyncLifetime
{
    public TempFolder Folder { get; } = new();

    public CliResult Bad { get; private set; } = null!;

    public CliResult BadIntoNewStore { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> FilesBefore { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> FilesAfter { get; private set; } = null!;

    public (int Documents, IReadOnlyDictionary<string, string> Hashes) ContentBefore { get; private set; }

    public (int Documents, IReadOnlyDictionary<string, string> Hashes) ContentAfter { get; private set; }

    public string StoreFolder => Path.Combine(Folder.Root, "store");

    public async ValueTask InitializeAsync()
    {
        Folder.Write("good/a.md", TestDocuments.Markdown("a", "Amifampridine is the preferred symptomatic drug."));
        Folder.Write("good/b.md", TestDocuments.Markdown("b", "Pyridostigmine is first-line in myasthenia gravis."));
        Folder.Write("bad/a.md", TestDocuments.Markdown("a", "Amifampridine is the preferred symptomatic drug. A changed sentence."));
        Folder.Write("bad/b.md", TestDocuments.Markdown("b", "Pyridostigmine is first-line in myasthenia gravis."));
        Folder.Write("bad/research/broken.md", "---\nid: broken\ntitle: Broken\nkind: opinion\n---\nSome text.\n");

        var good = await IndexerCli.RunAsync(Folder.Root, "index", "good", "--store", "store/ragapi.db");
        Assert.Equal(0, good.ExitCode);

        ContentBefore = await ReadContentAsync();
        FilesBefore = HashFiles();
        Bad = await IndexerCli.RunAsync(Folder.Root, "index", "bad", "--store", "store/ragapi.db");
        FilesAfter = HashFiles();
        ContentAfter = await ReadContentAsync();

        BadIntoNewStore = await IndexerCli.RunAsync(Folder.Root, "index", "bad", "--store", "fresh/ragapi.db");
    }

    private async Task<(int, IReadOnlyDictionary<string, string>)> ReadContentAsync()
    {
        var store = new SqliteKnowledgeStore(Path.Combine(StoreFolder, "ragapi.db"));
        var statistics = await store.GetStatisticsAsync(TestContext.Current.CancellationToken);
        var hashes = await store.GetContentHashesAsync(TestContext.Current.CancellationToken);
        SqliteConnection.ClearAllPools();
        return (statistics.Documents, hashes);
    }

    private Dictionary<string, string> HashFiles() =>
        Directory.EnumerateFiles(StoreFolder).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    public ValueTask DisposeAsync()
    {
        Folder.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class IndexCommandBadInputTests(BadInputFixture fixture) : IClassFixture<BadInputFixture>
{
    [Fact]
    public void Index_FolderWithABadFile_ExitsWithOne()
    {
        Assert.Equal(1, fixture.Bad.ExitCode);
    }

    [Fact]
    public void Index_FolderWithABadFile_NamesTheFileAndLineOnStandardError()
    {
        Assert.Contains($"error: {Path.Combine("bad", "research", "broken.md")}:4: unknown kind 'opinion'", fixture.Bad.Error);
    }

    [Fact]
    public void Index_FolderWithABadFile_SaysNothingWasWritten()
    {
        Assert.Contains("Nothing was written: fix the 1 problem(s) above and run again.", fixture.Bad.Error);
    }

    [Fact]
    public void Index_FolderWithABadFile_LeavesTheExistingStoreFilesByteForByteUntouched()
    {
        Assert.Equal(fixture.FilesBefore, fixture.FilesAfter);
    }

    [Fact]
    public void Index_FolderWithABadFile_LeavesTheStoredDocumentsAndTheirHashesUnchanged()
    {
        static string Describe((int Documents, IReadOnlyDictionary<string, string> Hashes) content) =>
            $"{content.Documents} documents: {string.Join(", ", content.Hashes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}";

        Assert.Equal(Describe(fixture.ContentBefore), Describe(fixture.ContentAfter));
    }

    [Fact]
    public void Index_FolderWithABadFile_StartsNoIndexing()
    {
        Assert.Equal("", fixture.Bad.Output);
    }

    [Fact]
    public void Index_FolderWithABadFileIntoANewStore_CreatesNoStoreFile()
    {
        Assert.Equal((1, false), (fixture.BadIntoNewStore.ExitCode, Directory.Exists(Path.Combine(fixture.Folder.Root, "fresh"))));
    }
}
