using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RagApi.Hosting.Security;

/// <summary>Per-client token bucket: refills PermitsPerMinute evenly, holds at most Burst.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 10_000_000, ErrorMessage = "RateLimits:PermitsPerMinute must be between 1 and 10,000,000.")]
    public int PermitsPerMinute { get; set; } = 600;

    [Range(1, 1_000_000, ErrorMessage = "RateLimits:Burst must be between 1 and 1,000,000.")]
    public int Burst { get; set; } = 60;
}

[OptionsValidator]
internal sealed partial class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>;
