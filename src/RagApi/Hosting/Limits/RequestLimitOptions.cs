using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

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

[OptionsValidator]
internal sealed partial class RequestLimitOptionsValidator : IValidateOptions<RequestLimitOptions>;
