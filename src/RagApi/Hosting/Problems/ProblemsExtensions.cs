using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;

namespace RagApi.Hosting.Problems;

/// <summary>Every error leaves as application/problem+json; a body that cannot be read names where it broke.</summary>
public static class ProblemsExtensions
{
    public static WebApplicationBuilder AddApiProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures throw so the handler can describe them instead of answering an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.AllowTrailingCommas = false;
        });
        return builder;
    }

    public static WebApplication UseApiProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
