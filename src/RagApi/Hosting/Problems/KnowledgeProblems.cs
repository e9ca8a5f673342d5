using Microsoft.AspNetCore.Mvc;
using RagApi.Knowledge;
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
}
