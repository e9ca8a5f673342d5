using Microsoft.Extensions.Options;

namespace RagApi.Hosting.Lifecycle;

/// <summary>The <c>Seeds</c> section: the folder indexed at start when the store is empty.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seeds";

    public string Path { get; set; } = "seeds";
}
