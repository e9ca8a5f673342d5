namespace RagApi.Hosting.Telemetry;

/// <summary>
/// Question and answer text are clinical and may identify a patient, so they are never logged unless
/// Logging:IncludeClinicalText is true (for debugging on a machine that may hold such data).
/// </summary>
public sealed class ClinicalTextLogging(IConfiguration configuration)
{
    public const string Key = "Logging:IncludeClinicalText";

    public bool Enabled => configuration.GetValue<bool>(Key);
}
