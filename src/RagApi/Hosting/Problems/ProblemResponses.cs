namespace RagApi.Hosting.Problems;

/// <summary>Writes a problem from a middleware or a policy callback, through the same writer endpoints use.</summary>
internal static class ProblemResponses
{
    public static Task WriteAsync(HttpContext context, int status, string type, string title, string? detail = null) =>
        WriteAsync(context, new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Type = type, Title = title, Detail = detail });

    public static async Task WriteAsync(HttpContext context, Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
