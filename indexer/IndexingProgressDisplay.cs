using RagApi.Knowledge.Ingestion;
using Spectre.Console;

namespace RagApi.Indexer;

/// <summary>A progress bar on a terminal; plain lines when output goes to a file or a CI log.</summary>
internal static class IndexingProgressDisplay
{
    public static async Task<IndexingSummary> RunAsync(int total, Func<IProgress<IndexingProgress>, Task<IndexingSummary>> run)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
            return await run(new Progress(p => Console.WriteLine(p.ToString())));

        IndexingSummary? summary = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Indexing", maxValue: Math.Max(1, total));
                summary = await run(new Progress(p =>
                {
                    task.Value = p.Done;
                    task.Description = Markup.Escape($"{p.Done}/{p.Total} {p.DocumentId}, {p.ChunksWritten} chunks{(p.Pages > 0 ? $", {p.Pages} pages" : "")}, {p.DocumentsPerSecond:F1} docs/s");
                }));
            });
        return summary!;
    }

    /// <summary>Reports synchronously, unlike Progress&lt;T&gt;, so lines appear in order and before the summary.</summary>
    private sealed class Progress(Action<IndexingProgress> report) : IProgress<IndexingProgress>
    {
        public void Report(IndexingProgress value) => report(value);
    }
}
