using System.CommandLine;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Retrieval;

namespace RagApi.Eval.Beir;

/// <summary>Composer settings to try without touching the service's defaults (they start from AnswerOptions' defaults).</summary>
internal sealed class AnswerTuningOptions
{
    private readonly Option<int?> _topK = new("--top-k") { Description = "Passages an answer may draw on (API topK)." };
    private readonly Option<float?> _threshold = new("--relevance-threshold") { Description = "Answers:RelevanceThreshold." };
    private readonly Option<int?> _maxStatements = new("--max-statements") { Description = "Answers:MaxStatements." };
    private readonly Option<int?> _perDocument = new("--max-statements-per-document") { Description = "Answers:MaxStatementsPerDocument." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _topK, _threshold, _maxStatements, _perDocument }) command.Options.Add(option);
    }

    /// <summary>Whether any composer setting was given (a running API answers with its own).</summary>
    public bool AnyGiven(ParseResult result) =>
        new Option[] { _topK, _threshold, _maxStatements, _perDocument }.Any(o => result.GetResult(o) is { Implicit: false });

    public AnswerTuning Read(ParseResult result)
    {
        var defaults = new AnswerOptions();
        return new AnswerTuning(defaults with
        {
            MaxStatements = result.GetValue(_maxStatements) ?? defaults.MaxStatements,
            MaxStatementsPerDocument = result.GetValue(_perDocument) ?? defaults.MaxStatementsPerDocument,
        }, result.GetValue(_topK), result.GetValue(_threshold));
    }
}

/// <summary>
/// Composer settings for an in-process run; a relevance threshold not given is the store's, as the API runs with
/// (configured, else calibrated for the store's embedding model).
/// </summary>
internal sealed record AnswerTuning(AnswerOptions Options, int? TopK, float? RelevanceThreshold);
