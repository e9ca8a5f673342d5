using RagApi.Hosting.Lifecycle;
using RagApi.Hosting.Limits;
using RagApi.Hosting.OpenApi;
using RagApi.Hosting.Problems;
using RagApi.Hosting.Security;
using RagApi.Hosting.Telemetry;
using RagApi.Requests;
namespace RagApi.Hosting;

/// <summary>
/// Relative folders (seeds, prompts) are looked up from the content root upwards, so the service finds the
/// repository's folders whether it runs from the repository, from src/RagApi or from a test host.
/// </summary>
internal static class ContentPaths
{
    public static string FindFolder(string contentRoot, string path)
    {
        if (Path.IsPathRooted(path)) return path;
        for (var folder = new DirectoryInfo(contentRoot); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, path);
            if (Directory.Exists(candidate)) return candidate;
        }
        return Path.Combine(contentRoot, path);
    }

    public static string UnderRoot(string contentRoot, string path) => Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path);
}
