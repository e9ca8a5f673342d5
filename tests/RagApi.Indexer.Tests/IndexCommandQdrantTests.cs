using System.Net;
using System.Net.Sockets;
using RagApi.Testing;

namespace RagApi.Indexer.Tests;

/// <summary>The indexer pointed at a Qdrant that is not there exits 2 with a message, never a stack trace.</summary>
public sealed class IndexCommandQdrantTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _url = $"http://127.0.0.1:{ClosedPort()}";

    public IndexCommandQdrantTests() =>
        _folder.Write("docs/lems.md", TestDocuments.Markdown("lems", "## Treatment\n\nAmifampridine is the preferred symptomatic drug."));

    public void Dispose() => _folder.Dispose();

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Index_UnreachableQdrant_ExitsWith2NamingTheEndpoint()
    {
        var result = await IndexerCli.RunAsync(_folder.Root, "index", "docs", "--store", "qdrant", "--qdrant-url", _url);

        Assert.Equal((2, true, false), (result.ExitCode, result.Error.Contains($"error: Qdrant at {_url} is unavailable"), result.Error.Contains("   at ")));
    }

    [Fact]
    public async Task Stats_UnreachableQdrant_ExitsWith2()
    {
        var result = await IndexerCli.RunAsync(_folder.Root, "stats", "--store", "qdrant", "--qdrant-url", _url);

        Assert.Equal((2, true), (result.ExitCode, result.Error.Contains("is unavailable")));
    }

    [Fact]
    public async Task Index_QdrantWithoutAnAddress_ExitsWith2SayingWhatToSet()
    {
        var result = await IndexerCli.RunAsync(_folder.Root, "index", "docs", "--store", "qdrant");

        Assert.Equal((2, true), (result.ExitCode, result.Error.Contains("--store qdrant needs --qdrant-url (or Qdrant__Endpoint)")));
    }
}
