using System.Net;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Qdrant;
using RagApi.Knowledge.Text;
using RagApi.Testing;

namespace RagApi.Api.Tests.Store;

/// <summary>
/// The API on a Qdrant that goes down and comes back, injected below the wire (the real QdrantClient over a fake call
/// invoker) with the pipeline on fake time: 503 while it is down, the breaker then spares it, and answers resume by
/// themselves once it is back and the break is over.
/// </summary>
public sealed class QdrantRecoveryTests(SeedIndex index) : IAsyncDisposable
{
    private const int BreakSeconds = 15;
    private const int SamplingSeconds = 30;
    private readonly FakeQdrant _qdrant = new();
    private readonly FakeTimeProvider _time = new();
    private volatile bool _down;
    private RagApiApplication? _app;

    private RagApiApplication App => _app ??= new RagApiApplication(index,
        settings: new Dictionary<string, string?>
        {
            ["Store:Provider"] = "Qdrant",
            ["Qdrant:Endpoint"] = "http://qdrant.test:6334",
            ["Qdrant:Resilience:RetryDelay"] = "00:00:00",
            ["Qdrant:Resilience:BreakDuration"] = $"00:00:{BreakSeconds}",
            ["Qdrant:Resilience:SamplingDuration"] = $"00:00:{SamplingSeconds}",
        },
        services: services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_time);
            services.RemoveAll<QdrantClient>();
            services.AddSingleton(_ => new QdrantClient(new QdrantGrpcClient(_qdrant)));
        });

    private void Serve()
    {
        var passage = QdrantPoints.ForChunk(Passage());
        _qdrant.Answer = (method, _) => _down
            ? throw FakeQdrant.Fault(StatusCode.Unavailable, "Error connecting to subchannel.")
            : QdrantAnswers.Healthy(method, index.Embedder.ModelId, index.Embedder.Dimensions, () => new QueryBatchResponse
            {
                Result =
                {
                    new BatchResult { Result = { new ScoredPoint { Id = passage.Id, Score = 0.03f, Payload = { passage.Payload } } } },
                    new BatchResult(),
                    new BatchResult(),
                },
            });
    }

    private static IndexedChunk Passage()
    {
        const string text = "Amifampridine is the first-line symptomatic treatment of LEMS.";
        var metadata = new DocumentMetadata("lems-guideline", "LEMS guideline", DocumentKind.Guideline, "EFNS", 2011, "https://example.org/lems", "EFNS 2011.");
        return new IndexedChunk(new Chunk("lems-guideline#000", 0, "LEMS > Treatment", text, SentenceSplitter.Split(text), metadata), new float[384], [new float[384]]);
    }

    private async Task<HttpStatusCode> SearchAsync()
    {
        using var response = await App.PostRawAsync("/v1/search", """{"query":"How is LEMS treated?"}""", "application/json");
        return response.StatusCode;
    }

    /// <summary>The service starts on a healthy Qdrant, so it is ready before the outage.</summary>
    private async Task StartReadyAsync()
    {
        Serve();
        using var ready = await App.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task The_api_answers_503_while_qdrant_is_down_and_recovers_by_itself_when_it_is_back()
    {
        await StartReadyAsync();
        // The start-up calls succeeded; let them leave the breaker's sampling window so only the outage counts.
        _time.Advance(TimeSpan.FromSeconds(SamplingSeconds + 1));
        _down = true;
        var whileDown = new[] { await SearchAsync(), await SearchAsync() };
        var callsWhileBroken = _qdrant.Calls.Count;
        var whileBroken = await SearchAsync();
        var sparedTheServer = _qdrant.Calls.Count == callsWhileBroken;

        _down = false;
        var beforeTheBreakEnds = await SearchAsync();
        _time.Advance(TimeSpan.FromSeconds(BreakSeconds + 1));
        var afterwards = await SearchAsync();

        Assert.Equal(
            "503 503 | broken 503, spared True | back, still broken 503 | after the break 200",
            $"{(int)whileDown[0]} {(int)whileDown[1]} | broken {(int)whileBroken}, spared {sparedTheServer} | back, still broken {(int)beforeTheBreakEnds} | after the break {(int)afterwards}");
    }

    [Fact]
    public async Task Readiness_turns_healthy_again_once_qdrant_is_back()
    {
        await StartReadyAsync();
        _down = true;
        using (var down = await App.GetAsync("/health/ready")) Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);

        _down = false;
        _time.Advance(TimeSpan.FromSeconds(BreakSeconds + 1));
        using var up = await App.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
