using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Composing;
using RagApi.Knowledge.Answering.Condensing;
using RagApi.Knowledge.Answering.Verification;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Models;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Telemetry;

namespace RagApi.Knowledge.Answering;

public sealed record AnswerQuery(string Question, IReadOnlyList<ConversationTurn> History, SearchFilters Filters, int? TopK);

/// <summary>The chat model's composer and condenser, when a model is configured, and the time they may take.</summary>
public sealed record AnswerGeneration(GeneratedComposer? Composer, ModelQuestionCondenser? Condenser, ModelBudget? Budget = null)
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
    KnowledgeMetrics metrics,
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

    /// <summary>
    /// What every answer starts from: the standalone question, the passages, the extractive draft and the passages'
    /// sentence vectors it read (the model's answer is verified against them, not read again).
    /// </summary>
    private sealed record Prepared(string Standalone, Retrieval.Retrieval Retrieval, DraftAnswer Draft,
        IReadOnlyDictionary<string, float[][]> SentenceVectors, DateTimeOffset Deadline, long Started);

    private async Task<Prepared> PrepareAsync(AnswerQuery query, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = generation.Budget?.DeadlineFromNow() ?? DateTimeOffset.MaxValue;
        var standalone = await StandaloneQuestionAsync(query, deadline, cancellationToken);
        var topK = query.TopK ?? options.DefaultTopK;
        var retrieval = await retriever.RetrieveAsync(standalone, query.Filters, topK * options.RetrievalDepthFactor, cancellationToken);
        // The extractive composer picks sentences from every retrieved passage (it limits statements per document
        // itself); a model is shown a few passages per document, so that one long document cannot fill its prompt.
        var (draft, sentenceVectors) = await MeasuredAsync(Generators.Extractive, () => extractive.ComposeReadingVectorsAsync(retrieval, cancellationToken));
        retrieval = retrieval with { Passages = PassageDiversity.Limit(retrieval.Passages, options.MaxPassagesPerDocument, topK) };
        return new Prepared(standalone, retrieval, draft, sentenceVectors, deadline, started);
    }

    private async Task<ClinicalAnswer> ComposeAnswerAsync(AnswerQuery query, CancellationToken cancellationToken)
    {
        var (standalone, retrieval, draft, sentenceVectors, deadline, _) = await PrepareAsync(query, cancellationToken);
        if (draft.Statements.Count == 0 || generation.Composer is not { } composer)
            return assembler.Assemble(NewId(), query.Question, standalone, Generators.Extractive, draft);

        try
        {
            using var scope = ModelScope(deadline, cancellationToken);
            var generated = await MeasuredAsync(composer.GeneratorName, () => composer.ComposeAsync(standalone, retrieval.Passages, sentenceVectors, scope?.Token ?? cancellationToken));
            return Generated(query, standalone, draft, composer.GeneratorName, generated);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogModelFailed(ModelFailure.Category(ModelFailure.Classify(e)));
            return assembler.Assemble(NewId(), query.Question, standalone, Generators.ExtractiveFallback, draft);
        }
    }

    /// <summary>
    /// The answer as it is written: each generated statement once verified, then the whole answer (last). Retrieval
    /// and the extractive draft run before the first item, so their failures surface before a response starts.
    /// </summary>
    public async Task<IAsyncEnumerable<object>> StreamAsync(AnswerQuery query, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(query, cancellationToken);
        return StreamPreparedAsync(query, prepared, cancellationToken);
    }

    private async IAsyncEnumerable<object> StreamPreparedAsync(AnswerQuery query, Prepared prepared, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (standalone, retrieval, draft, sentenceVectors, deadline, started) = prepared;
        using var activity = KnowledgeTelemetry.Source.StartActivity("answer");
        if (draft.Statements.Count == 0 || generation.Composer is not { } composer)
        {
            var extractiveAnswer = assembler.Assemble(NewId(), query.Question, standalone, Generators.Extractive, draft);
            Record(activity, extractiveAnswer, started);
            yield return extractiveAnswer;
            yield break;
        }
        using var scope = ModelScope(deadline, cancellationToken);
        await using var items = composer.StreamAsync(standalone, retrieval.Passages, sentenceVectors, scope?.Token ?? cancellationToken).GetAsyncEnumerator(cancellationToken);
        ClinicalAnswer? answer = null;
        while (answer is null)
        {
            object? item;
            try
            {
                item = await items.MoveNextAsync() ? items.Current : null;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogModelFailed(ModelFailure.Category(ModelFailure.Classify(e)));
                item = null;
            }
            // The whole answer, once verified, replaces the statements streamed so far; after a failure the
            // extractive answer does, and the statements already sent stay true (they were verified).
            if (item is GeneratedDraft generated) answer = Generated(query, standalone, draft, composer.GeneratorName, generated);
            else if (item is null) answer = assembler.Assemble(NewId(), query.Question, standalone, Generators.ExtractiveFallback, draft);
            else yield return item;
        }
        Record(activity, answer, started);
        yield return answer;
    }

    private ClinicalAnswer Generated(AnswerQuery query, string standalone, DraftAnswer draft, string generator, GeneratedDraft generated)
    {
        if (generated.Draft.Statements.Count > 0 || generated.ModelFoundNoEvidence)
        {
            var followUps = generated.Draft.FollowUpQuestions.Count > 0 ? generated.Draft.FollowUpQuestions : draft.FollowUpQuestions;
            return assembler.Assemble(NewId(), query.Question, standalone, generator, generated.Draft with { FollowUpQuestions = followUps })
                with { Verification = generated.Report };
        }
        LogNothingVerified(generated.Report.StatementsChecked);
        return assembler.Assemble(NewId(), query.Question, standalone, Generators.ExtractiveFallback, draft) with { Verification = generated.Report };
    }

    private ModelCallScope? ModelScope(DateTimeOffset deadline, CancellationToken cancellationToken) =>
        generation.Budget?.Until(deadline, cancellationToken);

    private async Task<string> StandaloneQuestionAsync(AnswerQuery query, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        if (query.History.Count == 0 || generation.Condenser is not { } condenser) return QuestionCondenser.Condense(query.Question, query.History);
        try
        {
            using var scope = generation.Budget?.Until(generation.Budget.CondenseDeadline(deadline), cancellationToken);
            return await condenser.CondenseAsync(query.Question, query.History, scope?.Token ?? cancellationToken) ?? QuestionCondenser.Condense(query.Question, query.History);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogModelFailed(ModelFailure.Category(ModelFailure.Classify(e)));
            return QuestionCondenser.Condense(query.Question, query.History);
        }
    }

    private async Task<T> MeasuredAsync<T>(string composerName, Func<Task<T>> compose)
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
            metrics.ComposeDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("composer", composerName));
        }
    }

    private void Record(Activity? activity, ClinicalAnswer answer, long started)
    {
        activity?.SetTag("ragapi.answer_id", answer.Id);
        activity?.SetTag("ragapi.generator", answer.Generator);
        activity?.SetTag("ragapi.insufficient_evidence", answer.InsufficientEvidence);
        activity?.SetTag("ragapi.citations", answer.Citations.Count);
        var tags = new TagList { { "generator", answer.Generator }, { "insufficient_evidence", answer.InsufficientEvidence } };
        metrics.Answers.Add(1, tags);
        metrics.AnswerDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }

    private static string NewId() => $"ans_{Guid.NewGuid():N}";

    // The reason category only (timeout, rate-limited, refused, filtered, unauthorised, not found, malformed,
    // unavailable): exception messages may echo clinical text.
    [LoggerMessage(Level = LogLevel.Warning, Message = "The chat model failed ({Reason}); answering with the extractive composer")]
    private partial void LogModelFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "None of the model's {Statements} statements survived citation verification; answering with the extractive composer")]
    private partial void LogNothingVerified(int statements);
}
