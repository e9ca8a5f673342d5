using RagApi.LoadTest;
using RagApi.Testing;

namespace RagApi.Eval.Tests.Support;

/// <summary>
/// The real RagApi server as its own process on a free loopback port, with one API key, over a store seeded
/// from three LEMS documents (copied from seeds/ so that seeding takes seconds, not a minute).
/// </summary>
public sealed class SeedServer : IAsyncLifetime
{
    public const string ApiKey = "eval-tests-key-7f3b";
    public static readonly string[] Documents =
    [
        "guidelines/pns-management-efns-vedeler-2006.md",
        "research/lems-3-4-diaminopyridine-trial-sanders-2000.md",
        "research/lems-review-titulaer-2011.md",
    ];

    private readonly TempFolder _folder = new();
    private ServerProcess? _server;

    public Uri Address => _server?.Address ?? throw new InvalidOperationException("The server has not started.");

    public string Folder => _folder.Root;

    public async ValueTask InitializeAsync()
    {
        foreach (var document in Documents)
            _folder.Write(Path.Combine("seeds", document), await File.ReadAllTextAsync(Path.Combine(RagApi.Testing.RepositoryPaths.Root, "seeds", document)));
        _server = ServerProcess.Start(ServerDll(), RagApi.Testing.RepositoryPaths.Root, Path.Combine(_folder.Root, "store", "ragapi.db"), [ApiKey],
            new Dictionary<string, string> { ["Seeds__Path"] = Path.Combine(_folder.Root, "seeds") });
        using var http = new HttpClient();
        await _server.WaitUntilReadyAsync(http, TimeSpan.FromMinutes(4), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }
        _folder.Dispose();
    }

    /// <summary>The server built in the same configuration as these tests.</summary>
    internal static string ServerDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(RagApi.Testing.RepositoryPaths.Root, "src", "RagApi", "bin", configuration, "net10.0", "linux-x64", "RagApi.dll");
    }
}
