using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RagApi.Knowledge.Ingestion.Documents;

/// <summary>
/// Metadata for files that do not carry their own (a PDF guideline, a saved web page): <c>name.yaml</c> beside
/// <c>name.pdf</c> holds the front-matter fields, or the folder's <c>metadata.yaml</c> does, as defaults for every
/// file in the folder (top-level fields) and per file (a mapping under the file's name). A sidecar wins over the
/// folder file, field by field.
/// </summary>
internal static class SidecarMetadata
{
    public const string FolderFileName = "metadata.yaml";

    private static readonly string[] Extensions = [".yaml", ".yml"];

    public static bool IsSidecar(string path)
    {
        if (!Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase)) return false;
        if (Path.GetFileName(path).Equals(FolderFileName, StringComparison.OrdinalIgnoreCase)) return true;
        var stem = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path));
        return Directory.EnumerateFiles(Path.GetDirectoryName(path)!, Path.GetFileName(stem) + ".*")
            .Any(f => !Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The fields found for <paramref name="file"/>, or null (with a problem) when a sidecar is broken.</summary>
    public static DocumentFields? For(string file, string display, List<DocumentProblem> problems)
    {
        var fields = new DocumentFields(display, firstLine: 1);
        var folder = Path.GetDirectoryName(file)!;
        var folderFile = Path.Combine(folder, FolderFileName);
        if (File.Exists(folderFile) && Load(folderFile, problems) is { } map)
        {
            foreach (var (key, value) in map.Children)
            {
                if (value is YamlScalarNode scalar) fields.Set(key.ToString(), scalar.Value ?? "", (int)key.Start.Line);
                else if (value is YamlMappingNode entry && key.ToString().Equals(Path.GetFileName(file), StringComparison.OrdinalIgnoreCase))
                    foreach (var (name, field) in entry.Children)
                        fields.Set(name.ToString(), (field as YamlScalarNode)?.Value ?? "", (int)name.Start.Line);
            }
        }
        var before = problems.Count;
        foreach (var extension in Extensions)
        {
            var sidecar = Path.ChangeExtension(file, extension);
            if (!File.Exists(sidecar)) continue;
            if (Load(sidecar, problems) is not { } own) break;
            foreach (var (key, value) in own.Children)
            {
                if (value is YamlScalarNode scalar) fields.Set(key.ToString(), scalar.Value ?? "", (int)key.Start.Line);
                else problems.Add(new(Display(sidecar), (int)key.Start.Line, $"field '{key}' must be a single value"));
            }
            break;
        }
        return problems.Count > before ? null : fields;
    }

    /// <summary>Names what to write when a file has no metadata of its own and no sidecar supplies it.</summary>
    public static string Hint(string file) =>
        $"add {Path.ChangeExtension(Path.GetFileName(file), ".yaml")} beside it (id, title, kind, source, year, url, citation) or an entry under '{Path.GetFileName(file)}:' in {FolderFileName}";

    private static YamlMappingNode? Load(string path, List<DocumentProblem> problems)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            problems.Add(new(Display(path), (int)e.Start.Line, $"broken YAML: {e.InnerException?.Message ?? e.Message}"));
            return null;
        }
        catch (InvalidOperationException e)
        {
            problems.Add(new(Display(path), 1, $"broken YAML: {e.Message}"));
            return null;
        }
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map) return map;
        problems.Add(new(Display(path), 1, "metadata must be a YAML mapping of 'key: value' lines"));
        return null;
    }

    private static string Display(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
}
