using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Storage;

namespace RagApi.Knowledge.Tests.Embeddings;

/// <summary>Which thresholds the service runs with, for MiniLM and for any other embedding model.</summary>
public sealed class ModelThresholdsTests
{
    private const string Remote = "openai:text-embedding-3-small";

    [Fact]
    public void MiniLm_without_a_calibration_keeps_its_calibrated_defaults()
    {
        var thresholds = ModelThresholds.Resolve(ModelThresholds.MiniLmModelId, stored: null, null, null);

        Assert.Equal((0.45f, 0.50f), (thresholds.Relevance, thresholds.Support));
    }

    [Fact]
    public void Another_model_without_a_calibration_or_settings_is_refused_naming_both_settings_and_the_calibration()
    {
        var refused = Assert.Throws<KnowledgeStoreRefusedException>(() => ModelThresholds.Resolve(Remote, stored: null, null, null));

        Assert.Equal((true, true, true), (refused.Message.Contains("Answers:RelevanceThreshold and Generation:SupportThreshold"),
            refused.Message.Contains("ragapi-index calibrate"), refused.Message.Contains(Remote)));
    }

    [Fact]
    public void Another_model_with_only_one_threshold_set_is_refused_naming_the_other()
    {
        var refused = Assert.Throws<KnowledgeStoreRefusedException>(() => ModelThresholds.Resolve(Remote, stored: null, 0.3f, null));

        Assert.Contains("Generation:SupportThreshold is not set", refused.Message);
    }

    [Fact]
    public void Another_model_takes_the_thresholds_calibrated_with_the_store()
    {
        var thresholds = ModelThresholds.Resolve(Remote, new ModelCalibration(Remote, 0.31f, 0.42f), null, null);

        Assert.Equal((0.31f, 0.42f), (thresholds.Relevance, thresholds.Support));
    }

    [Fact]
    public void A_calibration_recorded_for_another_model_is_not_used()
    {
        Assert.Throws<KnowledgeStoreRefusedException>(() => ModelThresholds.Resolve(Remote, new ModelCalibration("openai:other", 0.31f, 0.42f), null, null));
    }

    [Fact]
    public void Thresholds_set_in_configuration_win_over_the_calibration()
    {
        var thresholds = ModelThresholds.Resolve(Remote, new ModelCalibration(Remote, 0.31f, 0.42f), 0.6f, 0.7f);

        Assert.Equal((0.6f, 0.7f, "configuration"), (thresholds.Relevance, thresholds.Support, thresholds.Source));
    }
}
