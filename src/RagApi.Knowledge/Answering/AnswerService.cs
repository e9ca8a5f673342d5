using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Models;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Telemetry;
using RagApi.Knowledge.Answering.Assembly;

namespace RagApi.Knowledge.Answering;

public sealed record AnswerQuery(string Question, IReadOnlyList<ConversationTurn> History, SearchFilters Filters, int? TopK);

/// <summary>The chat model's composer and condenser, when a model is configured.</summary>
public sealed record AnswerGeneration(GeneratedComposer? Composer, ModelQuestionCondenser? Condenser)
{
    public static readonly AnswerGeneration None = new(null, null);
}

/// <summary>
/// standalone question -> retrieve -> compose -> number citations and append the disclaimer. The extractive draft
/// is always made: it decides whether there is evidence at all (the model is not called when there is none), and
/// it is the answer whenever the model fails, so a clinician never sees an error because the model is down.
/// </summary>
public sealed partial class AnswerService(
    Retriever retriever,
    ExtractiveComposer extractive,
    AnswerGeneration generation,
    AnswerAssembler assembler,
    AnswerOptions options,
    ILogger<AnswerService> logger)
{
    public async Task<ClinicalAnswer> AnswerAsync(AnswerQuery query, CancellationToken cancellationToken)
    {
        using var activity = KnowledgeTelemetry.Source.StartActivity("answer");
        var started = Stopwatch.GetTimestamp();
        var answer = await ComposeAnswerAsync(query, cancellationToken);
        Record(activity, answer, started);
        return answer;
    }

    private async Task<ClinicalAnswer> ComposeAnswerAsync(AnswerQuery query, CancellationToken cancellationToken)
    {
        var standalone = await StandaloneQuestionAsync(query, cancellationToken);
        var topK = query.TopK ?? options.DefaultTopK;
        var retrieval = await retriever.RetrieveAsync(standalone, query.Filters, topK * options.RetrievalDepthFactor, cancellationToken);
        retrieval = retrieval with { Passages = PassageDiversity.Limit(retrieval.Passages, options.MaxPassagesPerDocument, topK) };
        var draft = await MeasuredAsync(Generators.Extractive, () => extractive.ComposeAsync(retrieval, cancellationToken));
        if (draft.Statements.Count == 0 || generation.Composer is not { } composer)
            return assembler.Assemble(NewId(), query.Question, standalone, Generators.Extractive, draft);

        try
        {
            var generated = await MeasuredAsync(composer.GeneratorName, () => composer.ComposeAsync(standalone, retrieval.Passages, cancellationToken));
            if (generated.Draft.Statements.Count > 0 || generated.ModelFoundNoEvidence)
            {
                var followUps = generated.Draft.FollowUpQuestions.Count > 0 ? generated.Draft.FollowUpQuestions : draft.FollowUpQuestions;
                return assembler.Assemble(NewId(), query.Question, standalone, composer.GeneratorName, generated.Draft with { FollowUpQuestions = followUps })
                    with { Verification = generated.Report };
            }
            LogNothingVerified(generated.Report.StatementsChecked);
            return assembler.Assemble(NewId(), query.Question, standalone, Generators.ExtractiveFallback, draft) with { Verification = generated.Report };
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogModelFailed(e.GetType().Name);
            return assembler.Assemble(NewId(), query.Question, standalone, Generators.ExtractiveFallback, draft);
        }
    }

    private async Task<string> StandaloneQuestionAsync(AnswerQuery query, CancellationToken cancellationToken)
    {
        if (query.History.Count == 0 || generation.Condenser is not { } condenser) return QuestionCondenser.Condense(query.Question, query.History);
        try
        {
            return await condenser.CondenseAsync(query.Question, query.History, cancellationToken) ?? QuestionCondenser.Condense(query.Question, query.History);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogModelFailed(e.GetType().Name);
            return QuestionCondenser.Condense(query.Question, query.History);
        }
    }

    private static async Task<T> MeasuredAsync<T>(string composerName, Func<Task<T>> compose)
    {
        using var activity = KnowledgeTelemetry.Source.StartActivity("compose");
        activity?.SetTag("ragapi.composer", composerName);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await compose();
        }
        finally
        {
            KnowledgeTelemetry.ComposeDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("composer", composerName));
        }
    }

    private static void Record(Activity? activity, ClinicalAnswer answer, long started)
    {
        activity?.SetTag("ragapi.answer_id", answer.Id);
        activity?.SetTag("ragapi.generator", answer.Generator);
        activity?.SetTag("ragapi.insufficient_evidence", answer.InsufficientEvidence);
        activity?.SetTag("ragapi.citations", answer.Citations.Count);
        var tags = new TagList { { "generator", answer.Generator }, { "insufficient_evidence", answer.InsufficientEvidence } };
        KnowledgeTelemetry.Answers.Add(1, tags);
        KnowledgeTelemetry.AnswerDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }

    private static string NewId() => $"ans_{Guid.NewGuid():N}";

    // The exception type only: messages may echo clinical text.
    [LoggerMessage(Level = LogLevel.Warning, Message = "The chat model failed ({ExceptionType}); answering with the extractive composer")]
    private partial void LogModelFailed(string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "None of the model's {Statements} statements survived citation verification; answering with the extractive composer")]
    private partial void LogNothingVerified(int statements);
}
