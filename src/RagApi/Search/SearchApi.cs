using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Requests;

namespace RagApi.Search;

public sealed record SearchRequest(string? Query, FiltersRequest? Filters = null, int? TopK = null)
{
    public const int MaxQueryLength = 2000;
}

public sealed record SearchResponse(
    string Query,
    IReadOnlyList<PassageResponse> Passages,
    [property: Description("True when the passages were ranked by BM25 alone because dense retrieval was unavailable; notices say why.")]
    bool Degraded,
    [property: Description("What the client should know about how this result was made, e.g. dense-retrieval-unavailable; empty normally.")]
    IReadOnlyList<SearchNotice> Notices);

/// <summary>A condition of the result the client should show or act on; <see cref="Code"/> is stable, the message is for people.</summary>
public sealed record SearchNotice(string Code, string Message)
{
    public const string DenseRetrievalUnavailable = "dense-retrieval-unavailable";

    public static SearchNotice DenseUnavailable(string reason) => new(DenseRetrievalUnavailable,
        $"Dense (meaning-based) retrieval was unavailable because the embedding service failed ({reason}); these passages are ranked " +
        "by keyword match (BM25) only and may miss passages that use other words. Retry later for hybrid ranking.");
}

public sealed record PassageResponse(
    string DocumentId, string ChunkId, string Title, string Kind, int? Year, string Source, string SectionPath, string Text, PassageScores Scores)
{
    public static PassageResponse From(RetrievedPassage passage)
    {
        var chunk = passage.Chunk;
        var d = chunk.Document;
        return new PassageResponse(d.Id, chunk.ChunkId, d.Title, Knowledge.Ingestion.Documents.DocumentKinds.ToName(d.Kind), d.Year, d.Source, chunk.SectionPath, chunk.Text, passage.Scores);
    }
}

public static class SearchApi
{
    public static RouteGroupBuilder MapSearch(this RouteGroupBuilder v1)
    {
        v1.MapPost("/search", SearchAsync)
            .WithTags("Search")
            .WithName("Search")
            .WithSummary("Hybrid (dense + BM25, reciprocal-rank fused) passage search, best first.")
            .WithDescription("When the query cannot be embedded (the remote embedding endpoint is down, rate-limited or timing out), " +
                "the search still answers, from BM25 alone, with degraded: true and a dense-retrieval-unavailable notice; dense scores are then null.")
            .ProducesValidationProblem();
        return v1;
    }

    public static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(
        SearchRequest request, Retriever retriever, IKnowledgeStore store, AnswerOptions options, ILogger<SearchRequest> logger, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        QuestionRules.Check("query", request.Query, SearchRequest.MaxQueryLength, errors);
        var filters = await (request.Filters ?? new FiltersRequest()).ValidateAsync("filters", errors, store, cancellationToken);
        QuestionRules.CheckTopK(request.TopK, options, errors);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The search cannot run as sent.");

        var retrieval = await retriever.RetrieveOrLexicalAsync(request.Query!.Trim(), filters, request.TopK ?? options.DefaultTopK, cancellationToken);
        var notices = new List<SearchNotice>();
        if (retrieval.DenseUnavailable is { } failure)
        {
            SearchLog.DenseUnavailable(logger, failure.Message);
            notices.Add(SearchNotice.DenseUnavailable(failure.Reason));
        }
        return TypedResults.Ok(new SearchResponse(retrieval.Query, retrieval.Passages.Select(PassageResponse.From).ToList(), notices.Count > 0, notices));
    }
}

internal static partial class SearchLog
{
    // The failure's message names the endpoint and the reason only, never the query.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Search answered from BM25 alone: {Failure}")]
    public static partial void DenseUnavailable(ILogger logger, string failure);
}
