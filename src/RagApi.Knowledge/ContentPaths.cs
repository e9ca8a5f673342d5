namespace RagApi.Knowledge;

/// <summary>
/// Relative folders (seeds, prompts) are looked up from the content root upwards, then from the binary's folder
/// upwards, so every host finds the repository's folders whether it runs from the repository, from src/RagApi, from
/// a test host or as a built tool.
/// </summary>
public static class ContentPaths
{
    public static string FindFolder(string contentRoot, string path)
    {
        if (Path.IsPathRooted(path)) return path;
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, path);
                if (Directory.Exists(candidate)) return candidate;
            }
        return Path.Combine(contentRoot, path);
    }

    public static string UnderRoot(string contentRoot, string path) => Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path);
}
