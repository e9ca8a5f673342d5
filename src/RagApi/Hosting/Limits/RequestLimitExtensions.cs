using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using RagApi.Hosting.Problems;

namespace RagApi.Hosting.Limits;

/// <summary>Bodies over the limit get 413 problem+json; every request is cancelled after the timeout (504 problem+json).</summary>
public static class RequestLimitExtensions
{
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RequestLimitOptions>().BindConfiguration(RequestLimitOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RequestLimitOptions>, RequestLimitOptionsValidator>();
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

    /// <summary>Holds the bodies of these endpoints to Requests:MaxBodyBytes.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimitMetadata());

    /// <summary>The body limit applies to endpoints marked <see cref="WithBodyLimit"/>; the timeout to every request.</summary>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.Use(BodyLimitMiddleware.EnforceAsync);
        app.UseRequestTimeouts();
        app.Use(TimedOutRequestFailures.ReportAsCancellationAsync);
        return app;
    }
}
