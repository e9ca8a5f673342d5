using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RagApi.Hosting;
using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Limits;
using RagApi.Hosting.Problems;
using RagApi.Hosting.Security;
using RagApi.Hosting.Telemetry;
using RagApi.Requests;

namespace RagApi.Hosting.OpenApi;

/// <summary>Every /v1 operation: the key requirement and the problem responses the middleware can give.</summary>
internal sealed class ApiOperationResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.RelativePath?.StartsWith("v1/", StringComparison.Ordinal) != true) return Task.CompletedTask;
        operation.Security ??= [];
        foreach (var scheme in new[] { ApiDocumentDescription.ApiKeyScheme, ApiDocumentDescription.BearerScheme })
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });

        operation.Responses ??= new OpenApiResponses();
        Add(operation, 401, ProblemTypes.ApiKeyInvalid, "No valid API key (only when keys are configured).");
        if (context.Description.HttpMethod == HttpMethods.Post)
            Add(operation, 413, ProblemTypes.BodyTooLarge, "The body is over Requests:MaxBodyBytes.");
        Add(operation, 429, ProblemTypes.RateLimited, "Over this client's rate limit; see the Retry-After header.");
        Add(operation, 503, ProblemTypes.StoreUnavailable, "The store is unavailable or not ready; see the Retry-After header.");
        Add(operation, 504, ProblemTypes.Timeout, "The request took longer than Requests:TimeoutSeconds.");
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, int status, string type, string description)
    {
        var example = new JsonObject { ["type"] = type, ["title"] = description, ["status"] = status };
        operation.Responses!.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Example = example } },
        });
    }
}
