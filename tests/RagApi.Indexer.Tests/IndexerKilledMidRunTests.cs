using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Testing;

namespace RagApi.Indexer.Tests;

/// <summary>
/// The real ragapi-index process is killed with SIGKILL once its progress lines show it midway through six
/// seed documents; a rerun must finish the rest and leave exactly the chunks a clean run writes.
/// </summary>
public sealed partial class IndexerKilledMidRunTests : IDisposable
{
    private const int Documents = 6;
    private const int KillAfter = 2;
    private readonly TempFolder _folder = new();

    [GeneratedRegex(@"^\[(\d+)/(\d+)\] ")]
    private static partial Regex ProgressLine();

    [GeneratedRegex(@"^Done: added (\d+), updated (\d+), unchanged (\d+), ")]
    private static partial Regex SummaryLine();

    private string StorePath => Path.Combine(_folder.Root, "store", "ragapi.db");

    [Fact]
    public async Task A_rerun_after_a_kill_midway_leaves_every_document_once_with_all_its_chunks()
    {
        var sources = CopySeedDocuments();
        var documentsWrittenBeforeKill = await RunAndKillMidwayAsync();
        var rerun = await IndexerCli.RunAsync(_folder.Root, "index", "docs", "--store", StorePath);

        var summary = SummaryLine().Match(rerun.OutputLines[^1]);
        Assert.True(rerun.ExitCode == 0 && summary.Success, rerun.Output + rerun.Error);
        var (added, unchanged) = (int.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(summary.Groups[3].Value, CultureInfo.InvariantCulture));
        var expectedChunks = sources.Sum(d => new Chunker(RealModel.Embedder).Chunk(d).Count);
        Assert.Equal(
            (Documents, true, Documents, expectedChunks, expectedChunks, expectedChunks, 0L),
            (added + unchanged, unchanged >= documentsWrittenBeforeKill && unchanged < Documents,
             Count("SELECT COUNT(*) FROM documents"), Count("SELECT COUNT(*) FROM chunks"),
             Count("SELECT COUNT(DISTINCT chunk_id) FROM chunks"), Count("SELECT COUNT(*) FROM chunk_terms"),
             (long)Count("SELECT COUNT(*) FROM (SELECT document_id FROM chunks GROUP BY document_id HAVING MAX(ordinal) + 1 <> COUNT(*))")));
    }

    private IReadOnlyList<SourceDocument> CopySeedDocuments()
    {
        var files = Directory.GetFiles(RepositoryPaths.Seeds, "*.md", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}eval{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Take(Documents).ToList();
        foreach (var file in files) File.Copy(file, Path.Combine(Directory.CreateDirectory(Path.Combine(_folder.Root, "docs")).FullName, Path.GetFileName(file)));
        return DocumentSourceLoader.Load(Path.Combine(_folder.Root, "docs"));
    }

    /// <summary>Returns how many documents the progress lines had reported written when the kill was sent.</summary>
    private async Task<int> RunAndKillMidwayAsync()
    {
        using var process = Process.Start(IndexerCli.StartInfo(_folder.Root, "index", "docs", "--store", StorePath))!;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
            {
                var progress = ProgressLine().Match(line);
                if (!progress.Success || int.Parse(progress.Groups[1].Value, CultureInfo.InvariantCulture) < KillAfter) continue;
                process.Kill(); // SIGKILL on Linux: no cleanup, no finally blocks in the indexer.
                await process.WaitForExitAsync(TestContext.Current.CancellationToken);
                return KillAfter;
            }
            Assert.Fail($"The indexer ended (exit {process.ExitCode}) before it was killed: {await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
            return 0;
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    private int Count(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StorePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _folder.Dispose();
}
