using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Qdrant.Client.Grpc;
using RagApi.Knowledge.Ingestion.Documents;
using RagApi.Knowledge.Storage;
using RagApi.Knowledge.Storage.Embedded;
using RagApi.Knowledge.Storage.Qdrant;
using RagApi.Testing;

namespace RagApi.Knowledge.Tests.Ingestion;

public sealed class PagePersistenceTests
{
    private static IndexedDocument Document() => IndexedDocuments.Build("paged-guideline", DocumentKind.Guideline, 2011,
        "Amifampridine is first-line. It improves strength.", "Screen for SCLC with CT. If negative, use FDG-PET.");

    private static IndexedChunk PagedChunk(int? page)
    {
        var indexed = Document().Chunks[1];
        return indexed with { Chunk = indexed.Chunk with { Page = page } };
    }

    private static int? OverTheWire(IndexedChunk chunk) =>
        QdrantPayload.ReadChunk(PointStruct.Parser.ParseFrom(QdrantPoints.ForChunk(chunk).ToByteArray()).Payload).Page;

    [Theory]
    [InlineData(7)]
    [InlineData(null)]
    public void A_qdrant_payload_keeps_the_chunks_page(int? page) =>
        Assert.Equal(page, OverTheWire(PagedChunk(page)));

    [Fact]
    public async Task A_version_1_store_file_is_upgraded_in_place_and_keeps_its_documents()
    {
        using var temp = new TempStore();
        var ct = TestContext.Current.CancellationToken;
        await temp.Store.ReplaceDocumentAsync(Document(), ct);
        Downgrade(temp.Path);

        var reopened = new SqliteKnowledgeStore(temp.Path);

        Assert.Equal(1, (await reopened.GetStatisticsAsync(ct)).Documents);
    }

    /// <summary>Makes the file what version 1 wrote: chunks without a page (or anchor) column.</summary>
    private static void Downgrade(string path)
    {
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE chunks DROP COLUMN anchor; ALTER TABLE chunks DROP COLUMN page; UPDATE meta SET value = '1' WHERE key = 'schema_version';";
            command.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
    }
}
