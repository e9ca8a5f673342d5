using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RagApi.Knowledge.Ingestion.Documents;

/// <summary>Reads one Markdown file whose YAML front matter carries the document's metadata.</summary>
internal static class MarkdownDocumentReader
{
    private const string Fence = "---";

    public static SourceDocument? Read(string file, string content, List<DocumentProblem> problems)
    {
        var lines = content.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != Fence)
        {
            problems.Add(new(file, 1, "missing front matter: the file must start with a '---' line"));
            return null;
        }
        var closing = Array.FindIndex(lines, 1, l => l.Trim() == Fence);
        if (closing < 0)
        {
            problems.Add(new(file, 1, "front matter is not closed by a '---' line"));
            return null;
        }

        var fields = new DocumentFields(file, firstLine: 1);
        if (!TryReadFrontMatter(file, string.Join('\n', lines[1..closing]), fields, problems)) return null;

        var body = string.Join('\n', lines[(closing + 1)..]).Trim();
        return fields.ToDocument(body, defaultKind: null, problems);
    }

    private static bool TryReadFrontMatter(string file, string yaml, DocumentFields fields, List<DocumentProblem> problems)
    {
        const int lineOffset = 1; // the opening fence
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            problems.Add(new(file, (int)e.Start.Line + lineOffset, $"broken front matter: {e.InnerException?.Message ?? e.Message}"));
            return false;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this (not a YamlException) for some unclosed flow collections.
            problems.Add(new(file, 2, $"broken front matter: {e.Message}"));
            return false;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            problems.Add(new(file, 2, "front matter must be a YAML mapping of 'key: value' lines"));
            return false;
        }
        foreach (var (key, value) in map.Children)
        {
            var line = (int)key.Start.Line + lineOffset;
            if (value is not YamlScalarNode scalar)
            {
                problems.Add(new(file, line, $"front matter field '{key}' must be a single value"));
                return false;
            }
            fields.Set(key.ToString(), scalar.Value ?? "", line);
        }
        return true;
    }
}
