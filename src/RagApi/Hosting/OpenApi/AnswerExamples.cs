using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RagApi.Hosting.OpenApi;

/// <summary>
/// The answer operation's request and response examples: a real request and the answer the seed corpus gives
/// to it (a test checks the service still answers it that way).
/// </summary>
internal sealed class AnswerExamples : IOpenApiOperationTransformer
{
    public const string RequestResource = "RagApi.Answers.Examples.answer-request.json";
    public const string ResponseResource = "RagApi.Answers.Examples.answer-response.json";

    private static readonly Lazy<JsonNode> Request = new(() => Load(RequestResource));
    private static readonly Lazy<JsonNode> Response = new(() => Load(ResponseResource));

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName != "Answer")
            return Task.CompletedTask;
        if (operation.RequestBody?.Content?.TryGetValue("application/json", out var request) == true) request.Example = Request.Value.DeepClone();
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var response) == true)
            response.Example = Response.Value.DeepClone();
        return Task.CompletedTask;
    }

    public static JsonNode Load(string resource)
    {
        using var stream = typeof(AnswerExamples).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The example {resource} is not embedded in the assembly.");
        return JsonNode.Parse(stream) ?? throw new InvalidOperationException($"The example {resource} is empty.");
    }
}
