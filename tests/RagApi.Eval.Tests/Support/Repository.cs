using RagApi.Knowledge.Ingestion.Documents;

namespace RagApi.Eval.Tests.Support;

internal static class Repository
{
    public static string Root { get; } = Find();

    public static HashSet<string> SeedDocumentIds() =>
        DocumentSourceLoader.Load(Path.Combine(Root, "seeds")).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "RagApi.sln"))) return folder.FullName;
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds RagApi.sln.");
    }
}
