using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RagApi.Hosting.Lifecycle;

public sealed class StartupOptions
{
    public const string Section = "Startup";

    /// <summary>How often a store that could not be opened at start is tried again.</summary>
    [Range(0.01, 3600, ErrorMessage = "Startup:RetrySeconds must be between 0.01 and 3600.")]
    public double RetrySeconds { get; set; } = 10;
}

[OptionsValidator]
internal sealed partial class StartupOptionsValidator : IValidateOptions<StartupOptions>;
