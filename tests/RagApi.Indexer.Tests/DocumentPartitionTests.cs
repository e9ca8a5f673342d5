using RagApi.Indexer;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Testing;

namespace RagApi.Indexer.Tests;

/// <summary><c>--partition k/n</c>: n processes share one source, each document in exactly one part, the same in every run.</summary>
public sealed class DocumentPartitionTests
{
    private static readonly IReadOnlyList<string> SeedIds = DocumentSourceLoader.Load(RepositoryPaths.Seeds).Select(d => d.Id).ToList();

    [Fact]
    public void Every_seed_document_falls_in_exactly_one_of_four_parts()
    {
        var parts = Enumerable.Range(1, 4).Select(k => new DocumentPartition(k, 4)).ToList();

        Assert.All(SeedIds, id => Assert.Single(parts, p => p.Includes(id)));
    }

    [Fact]
    public void The_part_of_a_document_depends_only_on_its_id()
    {
        // SHA-256 of the UTF-8 id, first 8 bytes big-endian, modulo n: fixed, so reruns and other machines agree.
        Assert.Equal([2, 1, 2], new[] { "pns-management-efns-vedeler-2006", "lems-review-titulaer-2011", "a" }.Select(id => DocumentPartition.PartOf(id, 3)));
    }

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("2")]
    [InlineData("a/b")]
    [InlineData("1/0")]
    public void A_malformed_partition_is_refused_with_the_expected_form(string text)
    {
        Assert.False(DocumentPartition.TryParse(text, out _, out var problem));
        Assert.Contains("k/n", problem);
    }

    [Fact]
    public async Task Prune_with_a_partition_is_refused_before_anything_is_written()
    {
        using var folder = new TempFolder();
        folder.Write("docs/a.md", TestDocuments.Markdown("a", "## Section\n\nAmifampridine helps."));

        var result = await IndexerCli.RunAsync(folder.Root, "index", "docs", "--store", "store.db", "--partition", "1/2", "--prune");

        Assert.Equal((1, false), (result.ExitCode, File.Exists(Path.Combine(folder.Root, "store.db"))));
    }

    [Fact]
    public async Task Two_partitions_run_one_after_the_other_fill_the_store_with_every_document_once()
    {
        using var folder = new TempFolder();
        foreach (var id in new[] { "a", "b", "c", "d", "e" }) folder.Write($"docs/{id}.md", TestDocuments.Markdown(id, $"## Section\n\nDocument {id} says amifampridine helps."));

        var first = await IndexerCli.RunAsync(folder.Root, "index", "docs", "--store", "store.db", "--partition", "1/2");
        var second = await IndexerCli.RunAsync(folder.Root, "index", "docs", "--store", "store.db", "--partition", "2/2");
        var again = await IndexerCli.RunAsync(folder.Root, "index", "docs", "--store", "store.db");

        Assert.StartsWith("Done: added 0, updated 0, unchanged 5,", again.OutputLines[^1], StringComparison.Ordinal);
        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
    }
}
