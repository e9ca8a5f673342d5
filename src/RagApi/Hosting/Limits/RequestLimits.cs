using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using RagApi.Hosting;
using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.OpenApi;
using RagApi.Hosting.Problems;
using RagApi.Hosting.Security;
using RagApi.Hosting.Telemetry;
using RagApi.Requests;

namespace RagApi.Hosting.Limits;

public sealed class RequestLimitOptions
{
    public const string Section = "Requests";

    /// <summary>Above the largest valid answer request (20 history turns of 20,000 characters) with room to spare.</summary>
    [Range(1024, 104_857_600, ErrorMessage = "Requests:MaxBodyBytes must be between 1024 and 104857600.")]
    public long MaxBodyBytes { get; set; } = 1_048_576;

    [Range(0.01, 3600, ErrorMessage = "Requests:TimeoutSeconds must be between 0.01 and 3600.")]
    public double TimeoutSeconds { get; set; } = 30;
}

/// <summary>Bodies over the limit get 413 problem+json; every request is cancelled after the timeout (504 problem+json).</summary>
public static class RequestLimits
{
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RequestLimitOptions>().BindConfiguration(RequestLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxBodyBytes);
        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<RequestLimitOptions>>((timeouts, limits) =>
            timeouts.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(limits.Value.TimeoutSeconds),
                TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
                WriteTimeoutResponse = context => ProblemResponses.WriteAsync(context, StatusCodes.Status504GatewayTimeout,
                    ProblemTypes.Timeout, "The request took too long.", $"Requests are cancelled after {limits.Value.TimeoutSeconds} s; retry, or narrow the question."),
            });
        return builder;
    }

    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var max = context.RequestServices.GetRequiredService<IOptions<RequestLimitOptions>>().Value.MaxBodyBytes;
            if (context.Request.ContentLength > max)
            {
                await ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ProblemTypes.BodyTooLarge,
                    "The request body is too large.", $"Send at most {max} bytes.");
                return;
            }
            if (context.Request.ContentLength is null && HttpMethods.IsPost(context.Request.Method)
                && !await BufferedBody.TryBufferAsync(context.Request, max, context.RequestAborted))
            {
                await ProblemResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ProblemTypes.BodyTooLarge,
                    "The request body is too large.", $"Send at most {max} bytes.");
                return;
            }
            await next(context);
        });
        app.UseRequestTimeouts();
        return app;
    }
}
