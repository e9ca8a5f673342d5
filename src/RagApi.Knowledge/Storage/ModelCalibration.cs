namespace RagApi.Knowledge.Storage;

/// <summary>
/// The relevance and support thresholds calibrated for one embedding model, kept with the store's model binding:
/// cosines of one model mean nothing for another, so a store built by a model carries that model's thresholds.
/// </summary>
public sealed record ModelCalibration(string ModelId, float RelevanceThreshold, float SupportThreshold);
