using System.Text.Json;

namespace RagApi.Knowledge.Answering.Composing.Selection;

/// <summary>
/// Fitted weights of sentence selection and of the answer/refuse decision, with where they came from.
/// Written by <c>ragapi-eval fit</c> to Composing/Selection/selection-model.json, which ships embedded in the assembly.
/// <see cref="Weights"/> rank the sentences of one answer (the best leads); the inclusion model turns a sentence's
/// score and its distance below the best into the probability that it answers too.
/// </summary>
public sealed record SelectionModel(
    string Source,
    string EmbeddingModel,
    IReadOnlyList<double> Weights,
    IReadOnlyList<double> InclusionWeights,
    double InclusionBias,
    double InclusionThreshold,
    IReadOnlyList<double> AnswerabilityWeights,
    double AnswerabilityBias)
{
    public static readonly IReadOnlyList<string> InclusionFeatureNames = ["score", "score below the best"];

    public static readonly IReadOnlyList<string> AnswerabilityFeatureNames = ["best sentence probability", "best sentence cosine", "subject in best passages"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>How well the sentence answers the question, against the other sentences of the same answer.</summary>
    public double Score(ReadOnlySpan<double> features)
    {
        var score = 0.0;
        for (var i = 0; i < Weights.Count; i++) score += Weights[i] * features[i];
        return score;
    }

    /// <summary>Probability that a sentence with this score answers, when the best sentence scores <paramref name="best"/>.</summary>
    public double Probability(double score, double best) => Logistic(InclusionBias, InclusionWeights, [score, best - score]);

    /// <summary>Probability that the retrieved evidence answers the question at all.</summary>
    public double Answerability(ReadOnlySpan<double> features) => Logistic(AnswerabilityBias, AnswerabilityWeights, features);

    private static readonly Lazy<SelectionModel> Embedded = new(LoadEmbedded);

    /// <summary>The model shipped in the assembly; read on first use, so a fit can run while it is out of date.</summary>
    public static SelectionModel Default => Embedded.Value;

    public static SelectionModel Parse(string json)
    {
        var model = JsonSerializer.Deserialize<SelectionModel>(json, Json) ?? throw new InvalidDataException("selection model: empty");
        if (model.Weights.Count != SentenceFeatures.Count)
            throw new InvalidDataException($"selection model: {model.Weights.Count} weights for {SentenceFeatures.Count} features");
        if (model.InclusionWeights.Count != InclusionFeatureNames.Count)
            throw new InvalidDataException($"selection model: {model.InclusionWeights.Count} inclusion weights for {InclusionFeatureNames.Count} features");
        if (model.AnswerabilityWeights.Count != AnswerabilityFeatureNames.Count)
            throw new InvalidDataException($"selection model: {model.AnswerabilityWeights.Count} answerability weights for {AnswerabilityFeatureNames.Count} features");
        return model;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    private static SelectionModel LoadEmbedded()
    {
        using var stream = typeof(SelectionModel).Assembly.GetManifestResourceStream("RagApi.Knowledge.selection-model.json")
            ?? throw new InvalidOperationException("The embedded selection-model.json is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private static double Logistic(double bias, IReadOnlyList<double> weights, ReadOnlySpan<double> features)
    {
        var z = bias;
        for (var i = 0; i < weights.Count; i++) z += weights[i] * features[i];
        return 1 / (1 + Math.Exp(-z));
    }
}
