using System.Globalization;
using RagApi.Knowledge.Storage;

namespace RagApi.Knowledge.Embeddings;

/// <summary>
/// The relevance and support thresholds the service runs with, and where each came from. A threshold set in
/// configuration wins; otherwise the store's calibration for its model; otherwise MiniLM's calibrated defaults,
/// for MiniLM only. Any other model without either is refused: its cosines live on another scale, and MiniLM's
/// thresholds would answer out-of-scope questions or refuse good ones.
/// </summary>
public sealed record ModelThresholds(float Relevance, float Support, string Source)
{
    public const string MiniLmModelId = "sentence-transformers/all-MiniLM-L6-v2";
    public const float MiniLmRelevance = 0.45f;
    public const float MiniLmSupport = 0.50f;

    public static ModelThresholds Resolve(string modelId, ModelCalibration? stored, float? configuredRelevance, float? configuredSupport)
    {
        var calibration = stored?.ModelId == modelId ? stored : null;
        var isMiniLm = modelId == MiniLmModelId;
        var relevance = configuredRelevance ?? calibration?.RelevanceThreshold ?? (isMiniLm ? MiniLmRelevance : null);
        var support = configuredSupport ?? calibration?.SupportThreshold ?? (isMiniLm ? MiniLmSupport : null);
        if (relevance is null || support is null)
        {
            var missing = string.Join(" and ", new[] { relevance is null ? "Answers:RelevanceThreshold" : null, support is null ? "Generation:SupportThreshold" : null }.OfType<string>());
            throw new KnowledgeStoreRefusedException(
                $"The embedding model '{modelId}' has no calibrated thresholds in the store, and {missing} {(missing.Contains(" and ", StringComparison.Ordinal) ? "are" : "is")} not set. MiniLM's thresholds " +
                "(0.45, 0.50) do not fit another model. Calibrate the store (ragapi-index calibrate, on seeds/eval) or set " + missing + " explicitly.");
        }
        string SourceOf(float? configured) => configured is not null ? "configuration" : calibration is not null ? "store calibration" : "MiniLM default";
        var (relevanceSource, supportSource) = (SourceOf(configuredRelevance), SourceOf(configuredSupport));
        var source = relevanceSource == supportSource ? relevanceSource : $"relevance from {relevanceSource}, support from {supportSource}";
        return new ModelThresholds(relevance.Value, support.Value, source);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"relevance {Relevance:0.000}, support {Support:0.000} ({Source})");
}
