using System.CommandLine;
using Microsoft.Extensions.Configuration;
using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Embedded;
using RagApi.Knowledge.Storage.Qdrant;

namespace RagApi.Indexer;

/// <summary>
/// Which store to write: <c>--store qdrant</c> (with <c>--qdrant-url</c>, else Qdrant__Endpoint) or <c>--store PATH</c>
/// for the embedded SQLite file. Without --store: Store__Provider and Store__Path, as the API reads them.
/// </summary>
internal sealed class StoreLocation
{
    public const string DefaultPath = "data/ragapi.db";
    public const string QdrantName = "qdrant";

    private static readonly IConfiguration Environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();

    private readonly Option<string> _store = new("--store")
    {
        Description = "'qdrant' for the Qdrant store, else the embedded store's SQLite file (default: $Store__Provider / $Store__Path, else data/ragapi.db). Write ./qdrant for a file of that name.",
        DefaultValueFactory = _ =>
            string.Equals(Environment["Store:Provider"], QdrantName, StringComparison.OrdinalIgnoreCase) ? QdrantName
            : Environment["Store:Path"] is { Length: > 0 } configured ? configured : DefaultPath,
    };

    private readonly Option<string?> _qdrantUrl = new("--qdrant-url") { Description = "Qdrant's gRPC address, e.g. http://localhost:6334 (default: $Qdrant__Endpoint)." };
    private readonly Option<string?> _qdrantCollection = new("--qdrant-collection") { Description = "The collection (default: $Qdrant__Collection, else ragapi)." };

    public IEnumerable<Option> Options => [_store, _qdrantUrl, _qdrantCollection];

    public bool IsQdrant(ParseResult result) => string.Equals(result.GetValue(_store), QdrantName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the store is, for messages: the file's full path or the Qdrant collection's address.</summary>
    public string Describe(ParseResult result) =>
        IsQdrant(result) ? $"Qdrant collection '{QdrantOptions(result).Collection}' at {QdrantOptions(result).Endpoint}" : Path.GetFullPath(result.GetValue(_store)!);

    public string? EmbeddedPath(ParseResult result) => IsQdrant(result) ? null : result.GetValue(_store);

    public IKnowledgeStore Open(ParseResult result)
    {
        if (!IsQdrant(result)) return new SqliteKnowledgeStore(result.GetValue(_store)!);
        var options = QdrantOptions(result);
        return new QdrantKnowledgeStore(QdrantKnowledgeStore.CreateClient(options), options, QdrantResilience.Build(options.Resilience, TimeProvider.System));
    }

    /// <summary>The Qdrant section from the environment (Qdrant__Endpoint, Qdrant__ShardNumber, ...), then the options given.</summary>
    public QdrantStoreOptions QdrantOptions(ParseResult result)
    {
        var options = Environment.GetSection(QdrantStoreOptions.Section).Get<QdrantStoreOptions>() ?? new QdrantStoreOptions();
        if (result.GetValue(_qdrantUrl) is { Length: > 0 } url) options.Endpoint = url;
        if (result.GetValue(_qdrantCollection) is { Length: > 0 } collection) options.Collection = collection;
        return options;
    }
}
