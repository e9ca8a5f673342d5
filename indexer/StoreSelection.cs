using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Qdrant;

namespace RagApi.Indexer;

/// <summary>
/// Which store to write, as configuration overrides on the same keys the API reads: <c>--store qdrant</c> means
/// Store:Provider=Qdrant (with <c>--qdrant-url</c> as Qdrant:Endpoint), <c>--store PATH</c> the embedded file at PATH.
/// Without options, Store__Provider, Store__Path and Qdrant__* from the environment (or appsettings.json) apply.
/// </summary>
internal sealed class StoreSelection
{
    public const string QdrantName = "qdrant";

    private readonly Option<string?> _store = new("--store")
    {
        Description = "'qdrant' for the Qdrant store, else the embedded store's SQLite file (default: $Store__Provider / $Store__Path, else data/ragapi.db). Write ./qdrant for a file of that name.",
    };

    private readonly Option<string?> _qdrantUrl = new("--qdrant-url") { Description = "Qdrant's gRPC address, e.g. http://localhost:6334 (default: $Qdrant__Endpoint)." };
    private readonly Option<string?> _qdrantCollection = new("--qdrant-collection") { Description = "The collection (default: $Qdrant__Collection, else ragapi)." };

    public IEnumerable<Option> Options => [_store, _qdrantUrl, _qdrantCollection];

    public IReadOnlyDictionary<string, string?> Overrides(ParseResult result)
    {
        var overrides = new Dictionary<string, string?>();
        if (result.GetValue(_store) is { Length: > 0 } store)
        {
            var qdrant = string.Equals(store, QdrantName, StringComparison.OrdinalIgnoreCase);
            overrides[$"{StoreOptions.Section}:Provider"] = qdrant ? StoreOptions.Qdrant : StoreOptions.Embedded;
            if (!qdrant) overrides[$"{StoreOptions.Section}:Path"] = store;
        }
        if (result.GetValue(_qdrantUrl) is { Length: > 0 } url) overrides[$"{QdrantStoreOptions.Section}:Endpoint"] = url;
        if (result.GetValue(_qdrantCollection) is { Length: > 0 } collection) overrides[$"{QdrantStoreOptions.Section}:Collection"] = collection;
        return overrides;
    }

    /// <summary>Where the store is, for messages: the file's full path or the Qdrant collection's address.</summary>
    public static string Describe(IServiceProvider services, string contentRoot)
    {
        var store = services.GetRequiredService<IOptions<StoreOptions>>().Value;
        if (!store.IsQdrant) return Path.GetFullPath(RagApi.Knowledge.ContentPaths.UnderRoot(contentRoot, store.Path));
        var qdrant = services.GetRequiredService<IOptions<QdrantStoreOptions>>().Value;
        return $"Qdrant collection '{qdrant.Collection}' at {qdrant.Endpoint}";
    }
}
