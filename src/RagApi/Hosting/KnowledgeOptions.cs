using System.ComponentModel.DataAnnotations;
using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Limits;
using RagApi.Hosting.OpenApi;
using RagApi.Hosting.Problems;
using RagApi.Hosting.Security;
using RagApi.Hosting.Telemetry;
using RagApi.Requests;

namespace RagApi.Hosting;

public sealed class StoreOptions
{
    public const string Section = "Store";

    public const string Embedded = "Embedded";
    public const string Qdrant = "Qdrant";

    [RegularExpression("^(?i:Embedded|Qdrant)$", ErrorMessage = "Store:Provider must be 'Embedded' (one SQLite file, Store:Path) or 'Qdrant' (set Qdrant:Endpoint).")]
    public string Provider { get; set; } = Embedded;

    /// <summary>Used by the embedded store only.</summary>
    [Required(ErrorMessage = "Store:Path must name the embedded store's SQLite file.")]
    public string Path { get; set; } = "data/ragapi.db";
}

public sealed class SeedOptions
{
    public const string Section = "Seeds";

    /// <summary>Indexed at start when the store is empty.</summary>
    public string Path { get; set; } = "seeds";
}

public sealed class PromptOptions
{
    public const string Section = "Prompts";

    public string Path { get; set; } = "prompts";
}
