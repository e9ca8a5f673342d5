using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Limits;
using RagApi.Hosting.Problems;

namespace RagApi.Hosting.OpenApi;

/// <summary>The problem responses an operation can give, read from the policies on its endpoint.</summary>
internal sealed class ApiOperationResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= new OpenApiResponses();
        if (metadata.OfType<IAuthorizeData>().Any())
            Add(operation, 401, ProblemTypes.ApiKeyInvalid, "No valid API key (only when keys are configured).");
        if (metadata.OfType<BodyLimitMetadata>().Any() && context.Description.HttpMethod == HttpMethods.Post)
            Add(operation, 413, ProblemTypes.BodyTooLarge, "The body is over Requests:MaxBodyBytes.");
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
            Add(operation, 429, ProblemTypes.RateLimited, "Over this client's rate limit; see the Retry-After header.");
        if (metadata.OfType<ReadinessRequiredMetadata>().Any())
            Add(operation, 503, ProblemTypes.StoreUnavailable, "The store or the embedding endpoint is unavailable, or the service is not ready; see the Retry-After header.");
        Add(operation, 504, ProblemTypes.Timeout, "The request took longer than Requests:TimeoutSeconds.");
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, int status, string type, string description)
    {
        var example = new JsonObject { ["type"] = type, ["title"] = description, ["status"] = status };
        operation.Responses!.TryAdd(status.ToString(CultureInfo.InvariantCulture), new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Example = example } },
        });
    }
}
