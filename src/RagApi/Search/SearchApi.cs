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

public sealed record SearchResponse(string Query, IReadOnlyList<PassageResponse> Passages);

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
            .ProducesValidationProblem();
        return v1;
    }

    public static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(
        SearchRequest request, Retriever retriever, IKnowledgeStore store, AnswerOptions options, CancellationToken cancellationToken)
    {
        var errors = new RequestErrors();
        QuestionRules.Check("query", request.Query, SearchRequest.MaxQueryLength, errors);
        var filters = await (request.Filters ?? new FiltersRequest()).ValidateAsync("filters", errors, store, cancellationToken);
        QuestionRules.CheckTopK(request.TopK, options, errors);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The search cannot run as sent.");

        var retrieval = await retriever.RetrieveAsync(request.Query!.Trim(), filters, request.TopK ?? options.DefaultTopK, cancellationToken);
        return TypedResults.Ok(new SearchResponse(retrieval.Query, retrieval.Passages.Select(PassageResponse.From).ToList()));
    }
}
