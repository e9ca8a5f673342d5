using Scalar.AspNetCore;

namespace RagApi.Hosting.OpenApi;

/// <summary>The OpenAPI document at /openapi/v1.json and a browsable reference at /docs, served without any CDN.</summary>
public static class ApiDocsExtensions
{
    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiDocumentDescription>();
            options.AddOperationTransformer<OperationSecurity>();
            options.AddOperationTransformer<ApiOperationResponses>();
            options.AddOperationTransformer<AnswerExamples>();
            options.AddDocumentTransformer<AnswerShapeDescriptions>();
        });
        return builder;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("RagApi reference")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry());
        return app;
    }
}
