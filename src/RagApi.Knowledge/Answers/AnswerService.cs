using System.Diagnostics;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Store;
using RagApi.Knowledge.Telemetry;

namespace RagApi.Knowledge.Answers;

public sealed record AnswerQuery(string Question, IReadOnlyList<ConversationTurn> History, SearchFilters Filters, int? TopK);

/// <summary>standalone question -> retrieve -> compose -> number citations and append the disclaimer.</summary>
public sealed class AnswerService(Retriever retriever, ExtractiveComposer composer, AnswerAssembler assembler, AnswerOptions options)
{
    public async Task<ClinicalAnswer> AnswerAsync(AnswerQuery query, CancellationToken cancellationToken)
    {
        using var activity = KnowledgeTelemetry.Source.StartActivity("answer");
        var started = Stopwatch.GetTimestamp();
        var standalone = QuestionCondenser.Condense(query.Question, query.History);
        var topK = query.TopK ?? options.DefaultTopK;
        var retrieval = await retriever.RetrieveAsync(standalone, query.Filters, topK * options.RetrievalDepthFactor, cancellationToken);
        retrieval = retrieval with { Passages = PassageDiversity.Limit(retrieval.Passages, options.MaxPassagesPerDocument, topK) };
        var draft = await ComposeAsync(Generators.Extractive, () => composer.ComposeAsync(retrieval, cancellationToken));
        var answer = assembler.Assemble(NewId(), query.Question, standalone, Generators.Extractive, draft);
        Record(activity, answer, started);
        return answer;
    }

    private static async Task<DraftAnswer> ComposeAsync(string composerName, Func<Task<DraftAnswer>> compose)
    {
        using var activity = KnowledgeTelemetry.Source.StartActivity("compose");
        activity?.SetTag("ragapi.composer", composerName);
        var started = Stopwatch.GetTimestamp();
        var draft = await compose();
        KnowledgeTelemetry.ComposeDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("composer", composerName));
        return draft;
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
}
