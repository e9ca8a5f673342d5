using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Ingestion;

/// <summary>
/// The real files of ../shared/data/formats (never copied into the repository), copied into a temporary folder
/// with the sidecars a PDF and a web page need. Tests skip with a message when the folder is absent.
/// </summary>
internal static class FormatFixtures
{
    public static string? Folder { get; } = Find();

    public static TempFolder CopyWithSidecars()
    {
        if (Folder is null) Assert.Skip("The format test files (shared/data/formats) are not on this machine.");
        var temp = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)))
        {
            var target = Path.Combine(temp.Root, Path.GetRelativePath(Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        temp.Write("pdf/metadata.yaml", """
            kind: research
            rrp_2010_heart_failure_programmes.pdf:
              id: tully-2010-heart-failure
              title: Patient Experiences of Structured Heart Failure Programmes
              source: Rehabilitation Research and Practice
              year: 2010
              url: https://doi.org/10.1155/2010/157939
            bmc_hsr_2014_malawi_quality_improvement.pdf:
              id: agyeman-duah-2014-malawi
              title: Barriers to a quality improvement process in the Medical Department of Kamuzu Central Hospital, Malawi
            """);
        temp.Write("html/ngc_synthesis_50577_acute_uncomplicated_diverticulitis.yaml", "id: ngc-diverticulitis-synthesis\nkind: guideline\nsource: AHRQ National Guideline Clearinghouse\nyear: 2016\n");
        return temp;
    }

    /// <summary>Quotes compare after whitespace is collapsed (ligatures are already spelled out by the readers).</summary>
    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "data", "formats");
            if (Directory.Exists(candidate)) return candidate;
        }
        return Directory.Exists("/work/shared/data/formats") ? "/work/shared/data/formats" : null;
    }
}
