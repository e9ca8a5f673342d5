using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RagApi.Hosting.Lifecycle;

public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>How long readiness reports unhealthy, while requests are still accepted, before the server stops listening.</summary>
    [Range(0, 600, ErrorMessage = "Shutdown:DrainSeconds must be between 0 and 600.")]
    public double DrainSeconds { get; set; }

    /// <summary>How long in-flight requests may take to finish once the server stops listening.</summary>
    [Range(1, 3600, ErrorMessage = "Shutdown:TimeoutSeconds must be between 1 and 3600.")]
    public double TimeoutSeconds { get; set; } = 30;
}

[OptionsValidator]
internal sealed partial class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>;
