using System.Text.Json;

namespace RagApi.LoadTest;

/// <summary>
/// The questions the load runs on. "seed": every distinct question of the shipped suites (they repeat once the
/// load outlasts them). "fresh": PubMedQA and SciFact questions from ../shared/data, interleaved, none repeated
/// while they last, so no answer, embedding or page is served warm from an earlier identical request.
/// </summary>
public static class QuestionSets
{
    public static IReadOnlyList<string> Seed(string seedsFolder) =>
        Directory.GetFiles(Path.Combine(seedsFolder, "eval"), "*.jsonl")
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("question", out _) && !e.TryGetProperty("history", out _))
            .Select(e => e.GetProperty("question").GetString()!)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Empty when the shared data folder is absent.</summary>
    public static IReadOnlyList<string> Fresh(string dataFolder)
    {
        var sets = new[] { Path.Combine(dataFolder, "pubmedqa", "queries.jsonl"), Path.Combine(dataFolder, "scifact", "queries.jsonl") }
            .Where(File.Exists)
            .Select(path => File.ReadLines(path).Where(l => l.Trim().Length > 0)
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList())
            .ToList();
        var mixed = new List<string>();
        for (var i = 0; i < sets.Select(s => s.Count).DefaultIfEmpty(0).Max(); i++)
            foreach (var set in sets)
                if (i < set.Count) mixed.Add(set[i]);
        return mixed.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The nearest shared/data above the repository (../shared/data from a checkout beside it, ../../shared/data
    /// from a worktree below it), where the public data sets are read from and never copied in.
    /// </summary>
    public static string SharedDataFolder(string repositoryRoot)
    {
        for (var folder = new DirectoryInfo(repositoryRoot).Parent; folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        return Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "data"));
    }

    public static IReadOnlyList<string> Named(string name, string repositoryRoot) => name switch
    {
        "seed" => Seed(Path.Combine(repositoryRoot, "seeds")),
        "fresh" => Fresh(SharedDataFolder(repositoryRoot)),
        _ => throw new ArgumentException($"Unknown question set '{name}': use seed or fresh.", nameof(name)),
    };
}
