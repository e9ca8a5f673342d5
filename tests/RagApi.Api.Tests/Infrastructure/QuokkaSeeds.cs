namespace RagApi.Api.Tests.Infrastructure;

/// <summary>A one-document seed folder about something no clinical seed mentions, indexed in moments.</summary>
internal static class QuokkaSeeds
{
    public const string DocumentId = "quokka-care-guideline-2022";

    /// <summary>Writes the folder under <paramref name="parent"/> and returns its path.</summary>
    public static string Write(string parent)
    {
        var seeds = Directory.CreateDirectory(Path.Combine(parent, "seeds")).FullName;
        File.WriteAllText(Path.Combine(seeds, "quokka.md"), """
            ---
            id: quokka-care-guideline-2022
            title: "Care of the captive quokka"
            kind: guideline
            source: "Society of Marsupial Keepers"
            year: 2022
            url: "https://example.org/quokka-care"
            citation: "Society of Marsupial Keepers. Care of the captive quokka. 2022."
            ---
            # Care of the captive quokka

            ## Feeding
            Captive quokkas should be fed native grasses and leafy browse every morning.
            """);
        return seeds;
    }
}
