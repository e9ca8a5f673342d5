using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Qdrant.Client.Grpc;
using RagApi.Knowledge.Ingestion;
using RagApi.Knowledge.Ingestion.Chunking;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Embedded;
using RagApi.Knowledge.Storage.Qdrant;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Ingestion;

public sealed class AnchorPersistenceTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    private static SourceDocument SectionedPage() =>
        TestDocuments.Source("page", "body") with
        {
            Blocks =
            [
                new DocumentBlock(["Treatment"], "Aspirin is given early.", Anchor: "sec-treatment"),
                new DocumentBlock(["Follow-up"], "Review at six weeks.", Anchor: SectionAnchor.TextFragment("Follow-up")),
            ],
        };

    private async Task IndexAsync(SourceDocument document)
    {
        var embedder = new FakeEmbedder();
        await new IndexingPipeline(_temp.Store, embedder, new Chunker(embedder), new FakeTimeProvider())
            .RunAsync([document], prune: false, progress: null, _ct);
    }

    [Fact]
    public async Task The_embedded_store_keeps_each_chunks_anchor()
    {
        await IndexAsync(SectionedPage());

        var stored = await _temp.Store.GetDocumentAsync("page", _ct);

        Assert.Equal(["sec-treatment", ":~:text=Follow%2Dup"], stored!.Chunks.Select(c => c.Anchor));
    }

    [Fact]
    public async Task A_page_indexed_again_with_anchors_it_lacked_is_rewritten()
    {
        var before = SectionedPage();
        await IndexAsync(before with { Blocks = before.Blocks!.Select(b => b with { Anchor = null }).ToList() });
        await IndexAsync(before);

        var stored = await _temp.Store.GetDocumentAsync("page", _ct);

        Assert.Equal("sec-treatment", stored!.Chunks[0].Anchor);
    }

    [Theory]
    [InlineData("sec2")]
    [InlineData(":~:text=Results%20%26%20discussion")]
    [InlineData(null)]
    public void A_qdrant_payload_keeps_the_chunks_anchor(string? anchor)
    {
        var indexed = IndexedDocuments.Build("page", DocumentKind.Research, 2020, "Aspirin is given early.").Chunks[0];
        var point = QdrantPoints.ForChunk(indexed with { Chunk = indexed.Chunk with { Anchor = anchor } });

        Assert.Equal(anchor, QdrantPayload.ReadChunk(PointStruct.Parser.ParseFrom(point.ToByteArray()).Payload).Anchor);
    }

    [Fact]
    public async Task A_version_2_store_file_is_upgraded_in_place_and_its_chunks_have_no_anchor()
    {
        await IndexAsync(SectionedPage());
        Downgrade(_temp.Path);

        var reopened = new SqliteKnowledgeStore(_temp.Path);
        var stored = await reopened.GetDocumentAsync("page", _ct);

        Assert.Equal([null, null], stored!.Chunks.Select(c => c.Anchor));
    }

    /// <summary>Makes the file what version 2 wrote: chunks without an anchor column.</summary>
    private static void Downgrade(string path)
    {
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE chunks DROP COLUMN anchor; UPDATE meta SET value = '2' WHERE key = 'schema_version';";
            command.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
    }
}
