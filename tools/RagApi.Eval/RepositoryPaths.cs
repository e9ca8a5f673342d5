namespace RagApi.Eval;

/// <summary>Repository folders (prompts, seeds) found from the working folder or the binary upwards.</summary>
internal static class RepositoryPaths
{
    public static string Find(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, relative);
                if (Directory.Exists(candidate) || File.Exists(candidate)) return candidate;
            }
        throw new DirectoryNotFoundException($"No '{relative}' folder above {Directory.GetCurrentDirectory()}; run from the repository.");
    }
}
