using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Testing;

namespace RagApi.Eval.Tests.Support;

internal static class Repository
{
    public static HashSet<string> SeedDocumentIds() =>
        DocumentSourceLoader.Load(RagApi.Testing.RepositoryPaths.Seeds).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
}
