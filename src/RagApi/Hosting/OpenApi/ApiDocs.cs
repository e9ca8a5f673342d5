using Scalar.AspNetCore;
using RagApi.Hosting;
using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Limits;
using RagApi.Hosting.Problems;
using RagApi.Hosting.Security;
using RagApi.Hosting.Telemetry;
using RagApi.Requests;

namespace RagApi.Hosting.OpenApi;

/// <summary>The OpenAPI document at /openapi/v1.json and a browsable reference at /docs, served without any CDN.</summary>
public static class ApiDocs
{
    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiDocumentDescription>();
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
