using System.Diagnostics;

namespace RagApi.LoadTest;

/// <summary>Start the server, warm it up, drive it for the duration, print the figures; exit 1 on any error.</summary>
public static class LoadTestRun
{
    public static async Task<int> RunAsync(LoadTestSettings settings, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var serverDll = settings.ServerPath ?? FindServer(root);
        var keys = Enumerable.Range(0, settings.Clients).Select(i => $"loadtest-client-{i:D3}-{Guid.NewGuid():N}").ToList();
        var sets = settings.QuestionSets.Distinct().Select(name => (Name: name, Questions: QuestionSets.Named(name, root))).ToList();
        foreach (var empty in sets.Where(s => s.Questions.Count == 0)) Console.Error.WriteLine($"No '{empty.Name}' questions (is {QuestionSets.SharedDataFolder(root)} there?).");
        if (sets.Count == 0 || sets.Any(s => s.Questions.Count == 0)) return 1;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.StorePath))!);
        Console.WriteLine($"Server {serverDll}; store {settings.StorePath}; {settings.Clients} clients for {settings.Duration.TotalSeconds:F0} s per question set (at most {settings.MaxRequests} requests); sets: {string.Join(", ", sets.Select(s => $"{s.Name} ({s.Questions.Count} questions)"))}");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Clients * 2 }) { Timeout = TimeSpan.FromSeconds(60) };
        await using var server = ServerProcess.Start(serverDll, root, Path.GetFullPath(settings.StorePath), keys);
        await server.WaitUntilReadyAsync(http, TimeSpan.FromMinutes(5), cancellationToken);
        Console.WriteLine($"Server ready at {server.Address} (pid {server.ProcessId}); RSS after start {Mib(server.ResidentBytes())}");

        var seedQuestions = QuestionSets.Named("seed", root);
        var warmUp = await new AnswerLoad(http, server.Address, keys, seedQuestions).RunAsync(TimeSpan.FromMinutes(2), settings.Clients * 4, cancellationToken);
        Console.WriteLine($"Warm-up (seed questions): {warmUp.Count} requests, {warmUp.Errors} errors");

        var errors = 0;
        foreach (var (name, questions) in sets)
        {
            var before = server.ResidentBytes();
            var samples = new List<(double Seconds, long Rss)>();
            using var sampling = new CancellationTokenSource();
            var sampler = SampleAsync(server, settings.SampleEvery, samples, sampling.Token);
            var result = await new AnswerLoad(http, server.Address, keys, questions).RunAsync(settings.Duration, settings.MaxRequests, cancellationToken);
            await sampling.CancelAsync();
            await sampler;
            Console.WriteLine($"== {name} questions ({questions.Count}; {(result.Count <= questions.Count ? "none repeated" : $"repeated after the first {questions.Count} requests")})");
            Print(result, before, server.ResidentBytes(), samples);
            errors += result.Errors;
        }
        var exitCode = await server.StopAsync();
        Console.WriteLine($"Server stopped with SIGTERM: exit code {exitCode}");
        return errors == 0 && exitCode == 0 ? 0 : 1;
    }

    private static void Print(LoadResult result, long before, long after, List<(double Seconds, long Rss)> samples)
    {
        Console.WriteLine($"Requests: {result.Count} in {result.Elapsed.TotalSeconds:F1} s = {result.Count / result.Elapsed.TotalSeconds:F1} answers/s");
        Console.WriteLine($"Errors: {result.Errors}{(result.Errors > 0 ? $" ({string.Join(", ", result.ErrorKinds.Select(e => $"{e.Key} x{e.Value}"))})" : string.Empty)}");
        Console.WriteLine($"Latency ms: p50 {result.Percentile(50):F0}, p90 {result.Percentile(90):F0}, p99 {result.Percentile(99):F0}, max {result.Percentile(100):F0}");
        Console.WriteLine($"Server RSS: before {Mib(before)}, after {Mib(after)} ({(after - before) / 1048576.0:+0.0;-0.0} MiB)");
        Console.WriteLine($"RSS samples: {string.Join(", ", samples.Select(s => $"{s.Seconds:F0}s {Mib(s.Rss)}"))}");
    }

    private static async Task SampleAsync(ServerProcess server, TimeSpan every, List<(double, long)> samples, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken)) samples.Add((Stopwatch.GetElapsedTime(started).TotalSeconds, server.ResidentBytes()));
        }
        catch (OperationCanceledException)
        {
            // The load is over.
        }
    }

    private static string Mib(long bytes) => $"{bytes / 1048576.0:F0} MiB";

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "RagApi.sln"))) return folder.FullName;
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "RagApi.sln"))) return folder.FullName;
        throw new InvalidOperationException("Run from inside the repository (no RagApi.sln found above the current folder).");
    }

    private static string FindServer(string root)
    {
        foreach (var configuration in new[] { "Release", "Debug" })
        {
            var dll = Path.Combine(root, "src", "RagApi", "bin", configuration, "net10.0", "linux-x64", "RagApi.dll");
            if (File.Exists(dll)) return dll;
        }
        throw new InvalidOperationException("Build the server first: dotnet build -c Release src/RagApi (or pass --server).");
    }
}
