using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Storage.Embedded;
using RagApi.Testing;

namespace RagApi.Browser.Tests.Infrastructure;

/// <summary>A store of one guideline whose text, title, source, citation and link carry markup that must never run.</summary>
internal static class HostileCorpus
{
    public const string ImagePayload = "<img src=x onerror=window.__xss=1>";
    public const string ScriptPayload = "<script>window.__xss=2</script>";

    public const string Question = "How is amifampridine dosed in Lambert-Eaton myasthenic syndrome?";

    private static readonly string Document = $$"""
        ---
        id: hostile-amifampridine-2024
        title: "Amifampridine dosing {{ImagePayload}}"
        kind: guideline
        source: "Hostile Society {{ScriptPayload}}"
        year: 2024
        url: "javascript:window.__xss=3"
        citation: "Probe A. Amifampridine dosing <b onmouseover=window.__xss=4>in LEMS</b>. 2024."
        ---
        # Amifampridine in Lambert-Eaton myasthenic syndrome

        ## Dosing
        Amifampridine for Lambert-Eaton myasthenic syndrome is started at 15 mg a day {{ImagePayload}} and raised gradually to the dose that controls weakness.
        The usual maintenance dose of amifampridine in Lambert-Eaton myasthenic syndrome is 30 to 60 mg a day in divided doses {{ScriptPayload}}.
        """;

    /// <summary>Indexes the hostile guideline into a new store in the fixture's scratch space and returns the store's path.</summary>
    public static async Task<string> IndexAsync(SeedIndex index)
    {
        var folder = index.NewScratchFolder();
        var seeds = Directory.CreateDirectory(Path.Combine(folder, "seeds")).FullName;
        await File.WriteAllTextAsync(Path.Combine(seeds, "hostile.md"), Document, TestContext.Current.CancellationToken);
        var storePath = Path.Combine(folder, "hostile.db");
        var store = new SqliteKnowledgeStore(storePath);
        var pipeline = new IndexingPipeline(store, index.Embedder, new Chunker(index.Embedder), TimeProvider.System);
        await pipeline.RunAsync(DocumentSourceLoader.Load(seeds), prune: false, progress: null, TestContext.Current.CancellationToken);
        return storePath;
    }
}
