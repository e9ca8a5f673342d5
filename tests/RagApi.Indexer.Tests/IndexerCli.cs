using System.Diagnostics;
using RagApi.Testing;

namespace RagApi.Indexer.Tests;

public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> OutputLines => Output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs the built <c>ragapi-index</c> CLI (copied next to the test assembly) as its own process, output redirected.</summary>
internal static class IndexerCli
{
    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var process = Process.Start(StartInfo(workingDirectory, arguments))!;
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return new CliResult(process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] arguments)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ragapi-index.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var inherited in new[] { "Store__Path", "Store__Provider", "Qdrant__Endpoint", "Qdrant__Collection", "Qdrant__ApiKey" })
            start.Environment.Remove(inherited);
        return start;
    }
}
