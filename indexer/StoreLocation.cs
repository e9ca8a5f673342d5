using System.CommandLine;

namespace RagApi.Indexer;

/// <summary>The store file: --store, else the API's own key Store:Path (environment variable Store__Path).</summary>
internal static class StoreLocation
{
    public const string DefaultPath = "data/ragapi.db";

    public static Option<string> Option() => new("--store")
    {
        Description = "The embedded store's SQLite file (default: $Store__Path, else data/ragapi.db).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Store__Path") is { Length: > 0 } configured ? configured : DefaultPath,
    };
}
