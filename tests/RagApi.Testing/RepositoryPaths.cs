namespace RagApi.Testing;

internal static class RepositoryPaths
{
    /// <summary>The folder holding RagApi.sln, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Prompts => Path.Combine(Root, "prompts");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "RagApi.sln"))) return folder.FullName;
        throw new InvalidOperationException($"No RagApi.sln above {AppContext.BaseDirectory}.");
    }
}
