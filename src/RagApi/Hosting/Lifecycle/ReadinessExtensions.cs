using Microsoft.Extensions.Options;
using RagApi.Hosting.Problems;

namespace RagApi.Hosting.Lifecycle;

/// <summary>
/// While the store is being prepared or cannot be opened, endpoints marked <see cref="RequireReadiness"/> answer 503
/// problem+json with the reason, and Retry-After the time until the store is tried again.
/// </summary>
public static class ReadinessExtensions
{
    public static TBuilder RequireReadiness<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ReadinessRequiredMetadata());

    public static WebApplication UseReadinessGate(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var readiness = context.RequestServices.GetRequiredService<StoreReadiness>();
            if (readiness.Serves || context.GetEndpoint()?.Metadata.GetMetadata<ReadinessRequiredMetadata>() is null)
            {
                await next(context);
                return;
            }
            var retry = TimeSpan.FromSeconds(context.RequestServices.GetRequiredService<IOptions<StartupOptions>>().Value.RetrySeconds);
            var type = readiness.Status == ReadinessStatus.Unavailable ? ProblemTypes.StoreUnavailable : ProblemTypes.NotReady;
            await ProblemResponses.WriteAsync(context, ServiceUnavailableProblem.Create(context.Response, type, readiness.Reason, retry));
        });
        return app;
    }
}
