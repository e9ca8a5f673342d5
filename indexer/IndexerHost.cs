using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagApi.Knowledge;
using RagApi.Knowledge.Storage;

namespace RagApi.Indexer;

/// <summary>
/// The indexer's generic host: appsettings.json of the working folder, environment variables, then the command
/// line's store options, composed by the same AddKnowledge as the API, so a store the indexer builds is one the API
/// accepts. It is never started: the commands resolve what they need, once the settings are validated.
/// </summary>
internal static class IndexerHost
{
    public static IHost Build(IReadOnlyDictionary<string, string?> overrides)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddInMemoryCollection(overrides);
        // Standard output is the command's own report, and the commands say what failed in one line each; the
        // services' own errors go to standard error, and retries (Polly's warnings, with traces) not at all.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Logging.AddFilter("Polly", LogLevel.None);
        builder.AddKnowledge();
        return builder.Build();
    }

    /// <summary>Every settings problem, or none; the same checks the API runs at start.</summary>
    public static IReadOnlyList<string> SettingsProblems(IHost host)
    {
        var store = host.Services.GetRequiredService<IOptions<StoreOptions>>();
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        try
        {
            if (store.Value.IsQdrant && string.IsNullOrEmpty(configuration["Qdrant:Endpoint"]))
                return ["--store qdrant needs --qdrant-url (or Qdrant__Endpoint), the gRPC address of Qdrant, e.g. http://localhost:6334."];
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException e)
        {
            return e.Failures.ToList();
        }
        catch (AggregateException e)
        {
            return e.InnerExceptions.OfType<OptionsValidationException>().SelectMany(v => v.Failures).ToList();
        }
    }
}
