using Microsoft.AspNetCore.Mvc;
using RagApi.Knowledge;
using RagApi.Knowledge.Embeddings;
using RagApi.Knowledge.Storage;

namespace RagApi.Hosting.Problems;

/// <summary>
/// A knowledge failure as the client sees it: a transient one (the store cannot be reached or read now) is a 503
/// to retry; any other (a store built by another model, say) is a 500 that names the cause, never a stack trace.
/// </summary>
internal static class KnowledgeProblems
{
    /// <summary>For a transient failure that carries no delay of its own.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    public static ProblemDetails Describe(HttpResponse response, KnowledgeException failure)
    {
        if (failure is EmbeddingEndpointException embeddings) return Describe(response, embeddings);
        if (failure.IsTransient)
        {
            var after = failure is KnowledgeStoreUnavailableException unavailable ? unavailable.RetryAfter : DefaultRetryAfter;
            return ServiceUnavailableProblem.Create(response, ProblemTypes.StoreUnavailable,
                "The knowledge store cannot be reached or read right now.", after);
        }
        return new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Type = ProblemTypes.KnowledgeFailure,
            Title = "The service cannot answer until its operator fixes the knowledge configuration; retrying will not help.",
            Detail = failure.Message,
        };
    }

    /// <summary>
    /// The question could not be embedded. An answer needs the query vector (its sentences are scored against the
    /// model's calibrated relevance threshold, which decides insufficient evidence), so it is refused rather than
    /// guessed; the detail names the reason, not the endpoint, which stays in the server's log.
    /// </summary>
    private static ProblemDetails Describe(HttpResponse response, EmbeddingEndpointException failure)
    {
        const string Consequence = "the question cannot be matched to passages by meaning, and an answer is not composed without it.";
        if (failure.IsTransient)
            return ServiceUnavailableProblem.Create(response, ProblemTypes.EmbeddingsUnavailable,
                $"The embedding service is unavailable ({failure.Reason}): {Consequence} /v1/search still answers from keyword (BM25) ranking.",
                failure.RetryAfter is { } after && after > TimeSpan.Zero ? after : DefaultRetryAfter);
        return new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Type = ProblemTypes.EmbeddingsRefused,
            Title = "The service cannot answer until its operator fixes the embedding configuration; retrying will not help.",
            Detail = $"The embedding service refused the call ({failure.Reason}): {Consequence}",
        };
    }
}
