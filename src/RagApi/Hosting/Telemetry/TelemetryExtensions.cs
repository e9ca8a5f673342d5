using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RagApi.Knowledge.Telemetry;

namespace RagApi.Hosting.Telemetry;

/// <summary>
/// Traces, metrics and logs go out over OTLP when a collector is configured; with none, nothing is collected.
/// The Knowledge spans and meters carry no clinical text, and logs carry it only when Logging:IncludeClinicalText is on.
/// </summary>
public static class TelemetryExtensions
{
    public static readonly string[] Meters =
        [KnowledgeTelemetry.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting", "System.Runtime"];

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        // Read now as well: whether to export at all decides what is registered.
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpoint = options.OtlpEndpoint ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint)) return builder;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            throw new InvalidOperationException($"Telemetry:OtlpEndpoint '{endpoint}' is not an absolute URL; use e.g. http://localhost:4317.");
        var protocol = options.OtlpProtocol switch
        {
            "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new InvalidOperationException($"Telemetry:OtlpProtocol must be 'grpc' or 'http/protobuf', not '{options.OtlpProtocol}'."),
        };

        builder.Logging.AddOpenTelemetry(logging => logging.IncludeScopes = true);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing => tracing.AddSource(KnowledgeTelemetry.Name, "Microsoft.AspNetCore"))
            .WithMetrics(metrics => metrics.AddMeter(Meters))
            .WithLogging()
            .UseOtlpExporter(protocol, uri);
        return builder;
    }
}
