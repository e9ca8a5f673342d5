using RagApi.Knowledge.Retrieval;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Answering;
using RagApi.Knowledge.Answering.Assembly;
using RagApi.Knowledge.Answering.Condensing;

namespace RagApi.Knowledge.Answering.Composing;

/// <summary>Suggests the sections of the cited documents that the answer did not draw on.</summary>
internal static class FollowUpQuestions
{
    public static IReadOnlyList<string> FromSections(IReadOnlyList<RetrievedPassage> passages, IReadOnlyList<DraftStatement> statements, int max)
    {
        var cited = statements.SelectMany(s => s.Evidence).Select(e => e.Passage.Chunk).ToList();
        var usedSections = cited.Select(c => c.SectionPath).ToHashSet(StringComparer.Ordinal);
        var citedDocuments = cited.Select(c => c.DocumentId).ToHashSet(StringComparer.Ordinal);
        return passages
            .Select(p => p.Chunk)
            .Where(c => citedDocuments.Contains(c.DocumentId) && !usedSections.Contains(c.SectionPath))
            .Select(c => (Heading: c.SectionPath.Split(" > ")[^1], c.Document.Title))
            .Where(s => !s.Heading.Equals(s.Title, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(s => s.Heading.ToLowerInvariant())
            .Take(max)
            .Select(s => $"What does \"{s.Title}\" say about {s.Heading.ToLowerInvariant()}?")
            .ToList();
    }
}
