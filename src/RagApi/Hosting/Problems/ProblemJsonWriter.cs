using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace RagApi.Hosting.Problems;

/// <summary>
/// The built-in writer declines clients whose Accept header excludes JSON (e.g. text/html); errors must still
/// leave as problem+json, so this writer, registered after it, takes whatever it declines.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var response = context.HttpContext.Response;
        problem.Status ??= response.StatusCode;
        problem.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        return new ValueTask(response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json"));
    }
}
