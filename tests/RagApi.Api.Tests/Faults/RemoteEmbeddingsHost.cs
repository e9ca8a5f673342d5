using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Models;
using RagApi.Knowledge.Storage.Embedded;
using RagApi.Testing;

namespace RagApi.Api.Tests.Faults;

/// <summary>
/// The API on remote OpenAI embeddings (text-embedding-3-small at 64 dimensions) whose store was built through the
/// same stand-in endpoint, so the store's model binding matches and only the query embedding can fail. The
/// "embedding-calls" client keeps the API's own resilience pipeline; only its socket handler is the stand-in.
/// </summary>
internal sealed class RemoteEmbeddingsHost : IAsyncDisposable
{
    public const string Model = "text-embedding-3-small";
    public const int Dimensions = 64;
    public const string LemsDocument = "lems-guideline";

    private readonly string _folder = Directory.CreateTempSubdirectory("ragapi-remote-embeddings-").FullName;

    public FakeOpenAIEmbeddings Endpoint { get; } = new();

    private string StorePath => Path.Combine(_folder, "store.db");

    public static async Task<RemoteEmbeddingsHost> StartAsync()
    {
        var host = new RemoteEmbeddingsHost();
        var seeds = Directory.CreateDirectory(Path.Combine(host._folder, "seeds")).FullName;
        await File.WriteAllTextAsync(Path.Combine(seeds, "lems.md"),
            $"---\nid: {LemsDocument}\ntitle: \"LEMS\"\nkind: guideline\nsource: \"Neuromuscular Society\"\nyear: 2020\n---\n## Treatment\n\n" +
            "Amifampridine is the first-line symptomatic treatment of Lambert-Eaton myasthenic syndrome.\n",
            TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(seeds, "gout.md"),
            "---\nid: gout-guideline\ntitle: \"Gout\"\nkind: guideline\nsource: \"Rheumatology Society\"\nyear: 2021\n---\n## Flares\n\n" +
            "Colchicine or a short course of an anti-inflammatory drug treats an acute gout flare.\n",
            TestContext.Current.CancellationToken);
        var embedder = RemoteEmbedder.Create(
            new EmbeddingOptions { Provider = EmbeddingProvider.OpenAI, Dimensions = Dimensions },
            new AzureOpenAIOptions(),
            new OpenAIOptions { Endpoint = "http://openai.test/v1", ApiKey = "test-key", EmbeddingModel = Model },
            new HttpClient(host.Endpoint, disposeHandler: false));
        var store = new SqliteKnowledgeStore(host.StorePath);
        await new IndexingPipeline(store, embedder, new Chunker(embedder), TimeProvider.System)
            .RunAsync(DocumentSourceLoader.Load(seeds), prune: false, progress: null, TestContext.Current.CancellationToken);
        return host;
    }

    /// <summary>The API on this store; <paramref name="endpoint"/> other than the stand-in is reached over real sockets.</summary>
    public RagApiApplication App(SeedIndex index, string? endpoint = null, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Embeddings:Provider"] = "OpenAI",
            ["Embeddings:Dimensions"] = Dimensions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OpenAI:Endpoint"] = endpoint ?? "http://openai.test/v1",
            ["OpenAI:ApiKey"] = "test-key",
            ["OpenAI:EmbeddingModel"] = Model,
            // The stand-in's vectors carry no meaning, so no calibration applies; these only let the service start.
            ["Answers:RelevanceThreshold"] = "0.2",
            ["Generation:SupportThreshold"] = "0.3",
            ["Generation:RetryDelayMilliseconds"] = "10",
            ["Generation:AttemptTimeoutSeconds"] = "1",
            ["Generation:TotalTimeoutSeconds"] = "1",
        };
        foreach (var (key, value) in extra ?? []) settings[key] = value;
        return new RagApiApplication(index, storePath: StorePath, sharedEmbedder: false, settings: settings, services: services =>
        {
            if (endpoint is null)
                services.AddHttpClient(ModelsExtensions.EmbeddingsHttpClient).ConfigurePrimaryHttpMessageHandler(() => Endpoint);
        });
    }

    /// <summary>A loopback port nothing listens on: connecting is refused at once.</summary>
    public static string RefusingEndpoint()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/v1";
    }

    public ValueTask DisposeAsync()
    {
        Endpoint.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A store still open by a host shutting down; the temp folder is left for the OS.
        }
        return ValueTask.CompletedTask;
    }
}
