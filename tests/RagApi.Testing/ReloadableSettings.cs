using Microsoft.Extensions.Configuration;

namespace RagApi.Testing;

/// <summary>A configuration source a test can change while the app runs, raising the same reload a changed file would.</summary>
internal sealed class ReloadableSettings : ConfigurationProvider, IConfigurationSource
{
    public ReloadableSettings(IReadOnlyDictionary<string, string?> initial)
    {
        foreach (var (key, value) in initial) Data[key] = value;
    }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public void Replace(IReadOnlyDictionary<string, string?> settings)
    {
        Data = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
        OnReload();
    }
}
