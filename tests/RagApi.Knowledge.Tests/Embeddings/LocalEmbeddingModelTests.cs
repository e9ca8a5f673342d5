using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Models;
using RagApi.Knowledge.Storage;

namespace RagApi.Knowledge.Tests.Embeddings;

/// <summary>Which local model Embeddings:LocalModel composes, and what its choice means for thresholds and token counts.</summary>
public sealed class LocalEmbeddingModelTests
{
    private static IHost Compose(string? localModel)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        if (localModel is not null)
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Embeddings:LocalModel"] = localModel });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddModelSettings().AddEmbeddings();
        return builder.Build();
    }

    [Fact]
    public void Without_a_local_model_set_the_service_keeps_MiniLM()
    {
        using var host = Compose(localModel: null);

        var chosen = host.Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value.LocalModel;

        Assert.Equal(ModelThresholds.MiniLmModelId, LocalEmbedders.ModelIdOf(chosen));
    }

    [Fact]
    public void Embeddings_LocalModel_ArcticXs_composes_the_ArcticXs_embedder_with_its_own_model_id()
    {
        using var host = Compose("ArcticXs");

        var embedder = host.Services.GetRequiredService<ITextEmbedder>();

        Assert.Equal((ArcticXsEmbedder.Id, 384), (embedder.ModelId, embedder.Dimensions));
    }

    [Fact]
    public void An_unknown_local_model_is_refused_naming_the_setting()
    {
        using var host = Compose("bge-small");

        var refused = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value);

        Assert.Contains("Embeddings:LocalModel", refused.Message);
    }

    [Fact]
    public void ArcticXs_without_a_store_calibration_is_refused_rather_than_given_MiniLMs_thresholds()
    {
        Assert.Throws<KnowledgeStoreRefusedException>(() => ModelThresholds.Resolve(ArcticXsEmbedder.Id, stored: null, null, null));
    }

    [Fact]
    public void ArcticXs_runs_with_the_thresholds_calibrated_with_its_store()
    {
        var thresholds = ModelThresholds.Resolve(ArcticXsEmbedder.Id, new ModelCalibration(ArcticXsEmbedder.Id, 0.61f, 0.72f), null, null);

        Assert.Equal((0.61f, 0.72f, "store calibration"), (thresholds.Relevance, thresholds.Support, thresholds.Source));
    }

    [Fact]
    public void ArcticXs_counts_a_clinical_sentence_in_the_same_word_pieces_as_MiniLM_so_chunks_keep_their_size()
    {
        const string sentence = "Lambert-Eaton myasthenic syndrome is treated with 3,4-diaminopyridine (amifampridine), 10-20 mg three times daily.";

        Assert.Equal(new WordPieceTokenCounter().CountTokens(sentence), WordPieceTokenCounter.ArcticXs().CountTokens(sentence));
    }
}
