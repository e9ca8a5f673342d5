using RagApi.Testing;

namespace RagApi.Api.Tests.Generation;

/// <summary>
/// The relevance and support thresholds were calibrated for MiniLM. A service on another embedding model must not
/// start with them: it needs the store's calibration (ragapi-index calibrate) or thresholds set explicitly.
/// </summary>
public sealed class ModelThresholdStartTests(SeedIndex index) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ragapi-thresholds-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<RagApiApplication> RemoteModelAppAsync(ScriptedModelServer model, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var seeds = Directory.CreateDirectory(Path.Combine(_folder, "seeds")).FullName;
        await File.WriteAllTextAsync(Path.Combine(seeds, "lems.md"),
            "---\nid: lems\ntitle: \"LEMS\"\nkind: guideline\nyear: 2020\n---\n## Treatment\n\nAmifampridine is the first-line symptomatic treatment.\n",
            TestContext.Current.CancellationToken);
        var settings = new Dictionary<string, string?>
        {
            ["Embeddings:Provider"] = "OpenAI",
            ["Embeddings:Dimensions"] = ScriptedModelServer.EmbeddingDimensions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OpenAI:Endpoint"] = model.OpenAIEndpoint,
            ["OpenAI:EmbeddingModel"] = "scripted-embedder",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return new RagApiApplication(index, storePath: Path.Combine(_folder, "store.db"), seedsPath: seeds, sharedEmbedder: false, settings: settings);
    }

    [Fact]
    public async Task An_uncalibrated_remote_model_without_thresholds_is_refused_at_start_naming_the_settings()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        await using var app = await RemoteModelAppAsync(model);

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Answers:RelevanceThreshold and Generation:SupportThreshold", Messages(error));
    }

    [Fact]
    public async Task An_uncalibrated_remote_model_with_both_thresholds_set_starts_and_answers()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        await using var app = await RemoteModelAppAsync(model, new Dictionary<string, string?>
        {
            ["Answers:RelevanceThreshold"] = "0.2",
            ["Generation:SupportThreshold"] = "0.3",
        });

        using var response = await app.GetAsync("/health/ready");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException) messages.Add(e.Message);
        if (error is AggregateException aggregate) messages.AddRange(aggregate.InnerExceptions.Select(e => e.Message));
        return string.Join(" | ", messages);
    }
}
