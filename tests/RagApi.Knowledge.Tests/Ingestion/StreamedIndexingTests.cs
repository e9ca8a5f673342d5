using Microsoft.Extensions.Time.Testing;
using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Ingestion;

public sealed class StreamedIndexingTests : IDisposable
{
    private const int Documents = 300;
    private readonly TempStore _temp = new();
    private readonly TempFolder _folder = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _temp.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Documents_are_read_as_they_are_written_not_all_before_the_first_is_saved()
    {
        var pulled = 0;
        var pulledAtFirstSave = -1;
        var embedder = new FakeEmbedder();
        // Progress is reported as each document is saved.
        var firstSave = new FirstReport(() => pulledAtFirstSave = pulled);

        await new IndexingPipeline(_temp.Store, embedder, new Chunker(embedder), new FakeTimeProvider())
            .RunAsync(Counted(() => pulled++), Documents, prune: false, firstSave, _ct);

        Assert.InRange(pulledAtFirstSave, 1, Documents / 4);
    }

    [Fact]
    public async Task A_streamed_source_indexes_every_document_it_validated()
    {
        var file = Path.Combine(_folder.Root, "corpus.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(0, 40).Select(i => $$"""{"id":"d{{i}}","title":"Document {{i}}","text":"Aspirin dose number {{i}} is given."}"""), _ct);
        var source = DocumentSourceLoader.Open(file);
        var embedder = new FakeEmbedder();

        var summary = await new IndexingPipeline(_temp.Store, embedder, new Chunker(embedder), new FakeTimeProvider())
            .RunAsync(source.Documents(), source.Entries.Count, prune: false, progress: null, _ct);

        Assert.Equal((40, 40), (source.Entries.Count, summary.Added));
    }

    [Fact]
    public void A_bad_line_anywhere_in_a_streamed_source_is_refused_before_anything_is_read_for_indexing()
    {
        var file = Path.Combine(_folder.Root, "corpus.jsonl");
        File.WriteAllLines(file, [.. Enumerable.Range(0, 30).Select(i => $$"""{"id":"d{{i}}","title":"T","text":"Text {{i}}."}"""), "{not json"]);

        var problem = Assert.Single(Assert.Throws<DocumentValidationException>(() => DocumentSourceLoader.Open(file)).Problems);

        Assert.Equal(31, problem.Line);
    }

    private sealed class FirstReport(Action onFirst) : IProgress<IndexingProgress>
    {
        private bool _reported;

        public void Report(IndexingProgress value)
        {
            if (_reported) return;
            _reported = true;
            onFirst();
        }
    }

    private static IEnumerable<SourceDocument> Counted(Action onPull)
    {
        for (var i = 0; i < Documents; i++)
        {
            onPull();
            yield return TestDocuments.Source($"doc-{i}", $"Aspirin is given in dose {i}. Heparin follows imaging in case {i}.");
        }
    }
}
