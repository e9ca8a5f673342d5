using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RagApi.Knowledge.Storage;

/// <summary>The <c>Store</c> section: which store every host opens.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    public const string Embedded = "Embedded";
    public const string Qdrant = "Qdrant";

    [RegularExpression("^(?i:Embedded|Qdrant)$", ErrorMessage = "Store:Provider must be 'Embedded' (one SQLite file, Store:Path) or 'Qdrant' (set Qdrant:Endpoint).")]
    public string Provider { get; set; } = Embedded;

    /// <summary>Used by the embedded store only; relative paths are under the host's content root.</summary>
    [Required(ErrorMessage = "Store:Path must name the embedded store's SQLite file.")]
    public string Path { get; set; } = "data/ragapi.db";

    public bool IsQdrant => string.Equals(Provider, Qdrant, StringComparison.OrdinalIgnoreCase);
}

[OptionsValidator]
internal sealed partial class StoreOptionsValidator : IValidateOptions<StoreOptions>;
