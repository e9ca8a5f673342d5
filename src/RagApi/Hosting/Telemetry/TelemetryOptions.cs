using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RagApi.Hosting.Telemetry;

public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>OTLP collector, e.g. http://localhost:4317; the standard OTEL_EXPORTER_OTLP_ENDPOINT works too.</summary>
    [Url(ErrorMessage = "Telemetry:OtlpEndpoint must be an absolute URL, e.g. http://localhost:4317.")]
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> or <c>http/protobuf</c>.</summary>
    [RegularExpression("^(grpc|http/protobuf)$", ErrorMessage = "Telemetry:OtlpProtocol must be 'grpc' or 'http/protobuf'.")]
    public string OtlpProtocol { get; set; } = "grpc";

    [Required(ErrorMessage = "Telemetry:ServiceName must name the service in exported telemetry.")]
    public string ServiceName { get; set; } = "ragapi";
}

[OptionsValidator]
internal sealed partial class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>;
